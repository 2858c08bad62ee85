"""Tests of the story bank (starkit.bank)."""
