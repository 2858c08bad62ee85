"""Hostile files for `starkit lint` and the readers: special files refused before they are
opened, input read only up to the limit plus one byte, undecodable bytes in one line."""

from __future__ import annotations

import io
import os
import socket
import stat
from pathlib import Path

import pytest

from starkit.cli import main
from starkit.errors import InputError, ResumeReadError
from starkit.limits import MAX_FILE_BYTES
from starkit.resume import read_resume
from starkit.textio import read_file, read_stream


def _one_line_error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("starkit: error: "), err
    return err


def test_a_fifo_is_refused_before_it_is_opened(tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "resume.txt"
    os.mkfifo(fifo)  # opening it to read would block forever: no writer
    assert "named pipe" in _one_line_error(capsys, ["lint", str(fifo)])
    with pytest.raises(ResumeReadError, match="named pipe"):
        read_resume(fifo)


def test_a_link_to_a_device_is_refused(tmp_path: Path, capsys) -> None:
    link = tmp_path / "cv.txt"
    link.symlink_to("/dev/zero")  # size 0: a size check alone would read forever
    assert "a device" in _one_line_error(capsys, ["lint", str(link)])


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        assert stat.S_ISSOCK(os.stat(path).st_mode)
        with pytest.raises(InputError, match="socket"):
            read_file(path)


class _Endless(io.RawIOBase):
    """A stream of zeros that counts what was read from it."""

    def __init__(self) -> None:
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        n = 1 << 20 if n is None or n < 0 else n
        self.read_bytes += n
        return b"a" * n


def test_a_stream_is_read_only_to_the_limit_plus_one_byte() -> None:
    stream = _Endless()
    with pytest.raises(InputError, match=r"over the 10 MB file limit; split it") as exc:
        read_stream(stream, "<stdin>")
    assert "docs/" not in str(exc.value)
    assert stream.read_bytes == MAX_FILE_BYTES + 1
    upload = _Endless()
    with pytest.raises(ResumeReadError, match="over the 10 MB"):
        read_resume(upload, name="upload.txt")
    assert upload.read_bytes == MAX_FILE_BYTES + 1


def test_a_file_that_grows_past_its_stat_size_is_cut_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 100)
    assert read_file(path, limit=100) == b"x" * 100
    with pytest.raises(InputError, match="over the"):
        read_file(path, limit=99)


def test_a_bom_followed_by_invalid_bytes_is_one_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfLed the \xff\xfe launch for 3 teams\n")
    err = _one_line_error(capsys, ["lint", "--kind", "bullet", str(path)])
    assert "byte-order mark" in err
    err = _one_line_error(capsys, ["lint", str(path)])  # the resume path says it too
    assert "error" in err


def test_a_fifo_as_story_bank_is_refused(tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "stories.db"
    os.mkfifo(fifo)
    assert "not a regular file" in _one_line_error(capsys, ["bank", "--db", str(fifo), "list"])
