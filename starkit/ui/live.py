"""Findings that follow the typing: commit a text area's value after a short pause.

Streamlit sends a text area's value to the server only when the field loses focus or on
Ctrl+Enter. The writing-tool feel needs findings to update while the user types, so a small
fixed script (no user text in it, ever) listens for input in the page's text areas and, after
`DELAY_MS` of quiet, sends the same Ctrl+Enter the user could press. Focus and caret stay put.
Only text areas whose widget key starts with one of `LIVE_PREFIXES` are live.
"""

from __future__ import annotations

import json

DELAY_MS = 80
"""Pause after the last keystroke before the value is sent (short enough to feel live)."""

LIVE_PREFIXES = (
    "story-",
    "email-",
    "resume-paste",
    "resume-edit-",
    "practice-answer",
    "interviews-email-",
)
"""CSS key prefixes (`st-key-` + the widget key with `.` turned into `-`) that are live."""


def live_typing_script(delay_ms: int = DELAY_MS, prefixes: tuple[str, ...] = LIVE_PREFIXES) -> str:
    """The `<script>` that makes matching text areas commit after a pause in typing."""
    config = json.dumps({"delay": int(delay_ms), "prefixes": [f"st-key-{p}" for p in prefixes]})
    return (
        "<script>(function(){"
        f"var cfg={config};"
        "var w=window;"
        "if(w.__starkitLive){w.__starkitLive.cfg=cfg;return;}"
        "var state={cfg:cfg,timers:new WeakMap()};w.__starkitLive=state;"
        "function live(el){var box=el.closest('[class*=\"st-key-\"]');if(!box)return false;"
        "return Array.prototype.some.call(box.classList,function(c){"
        "return state.cfg.prefixes.some(function(p){return c.indexOf(p)===0;});});}"
        "function commit(el){el.dispatchEvent(new KeyboardEvent('keydown',"
        "{key:'Enter',code:'Enter',keyCode:13,which:13,ctrlKey:true,bubbles:true,"
        "cancelable:true}));}"
        "document.addEventListener('input',function(ev){var el=ev.target;"
        "if(!el||el.tagName!=='TEXTAREA'||!live(el))return;"
        "var t=state.timers.get(el);if(t)clearTimeout(t);"
        "state.timers.set(el,setTimeout(function(){state.timers.delete(el);commit(el);},"
        "state.cfg.delay));},true);"
        "})();</script>"
    )
