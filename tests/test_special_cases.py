"""tools/special_cases.py: which special cases a rule reaches, and removing one."""

from __future__ import annotations

import ast

from tools.special_cases import special_cases, without_case

SOURCE = """
def rule(x):
    if x < 0:
        return []
    return helper(x)


def helper(x):
    if x == 3:
        return True
    if x > 10:
        y = x
        return y
    return False


def unrelated(x):
    if x:
        return 1
"""


def test_special_cases_follow_the_rule_call_graph() -> None:
    found = special_cases(SOURCE, ["rule"])
    assert [(name, test) for name, _, test in found] == [("helper", "x == 3"), ("rule", "x < 0")]


def test_a_removed_case_is_never_taken_and_the_rest_is_kept() -> None:
    line = next(line for name, line, _ in special_cases(SOURCE, ["rule"]) if name == "helper")
    namespace: dict = {}
    exec(compile(ast.parse(without_case(SOURCE, line)), "<test>", "exec"), namespace)
    assert namespace["rule"](3) is False  # the case is gone
    assert namespace["rule"](-1) == []  # the other case stays
    assert namespace["rule"](11) == 11
    unchanged: dict = {}
    exec(compile(ast.parse(without_case(SOURCE, None)), "<test>", "exec"), unchanged)
    assert unchanged["rule"](3) is True
