"""The keyword filter the fresh-set briefs give their miners (set51 on): a resume line is drawn
only when it names a metric word, a change word or a percentage. The draws import it from here
(each set's mining README quotes it), so it lives in one place; copy it beside a draw script to
rerun that script in its mining folder."""

from __future__ import annotations

import re

KEEP_RE = re.compile(
    r"\b(users?|customers?|clients?|members?|traffic|downloads?|installs?|visitors?|views"
    r"|followers|subscribers|sign-?ups|leads|revenue|sales|conversion|retention|engagement"
    r"|growth|grew|grow\w*|increas\w*|boost\w*|drove|improv\w*|reduc\w*|doubl\w*|tripl\w*)\b"
    r"|\d+\s?%",
    re.IGNORECASE,
)
