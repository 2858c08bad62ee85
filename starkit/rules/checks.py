"""The check behind each rule code: a pure function of a `UnitContext` returning hits.

Each check is registered under its RULES.md code with `@check(code)`. A hit carries the span
(unit-relative character offsets) and the named fields its rule's message and rewrite use.
The severity, message, kinds and examples live in `lexicons/rules/<code>.toml`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import islice

from starkit.annotate import (
    METRIC_CATEGORIES,
    MetricMention,
    adjacent_quantity,
    before_hedges,
    built_of_count,
    forecast_figure,
    forms,
    in_parentheses,
    launched_uptake,
    mentions,
    needs_change,
    numbers_at,
    relative_figures,
    scale_described,
    start_end_pair,
    target_attained,
    test_sample,
    values_fall,
)
from starkit.quantities import Quantity
from starkit.resume.lexicon import role_words
from starkit.resume.roles import has_date_range
from starkit.rules import load_specs, rule_param
from starkit.rules.context import Match, UnitContext
from starkit.rules.registry import CHECKS, Check, Hit, check
from starkit.terms import ontology

__all__ = ["CHECKS", "Check", "Hit", "check"]


_DESCRIPTION_WORDS = 8  # a line this long with a participle describes work, not a heading
_HONOUR_WORDS = 3  # "Hackathon finalist 2019" is 2 words: a heading-like line; 3 claim it


_ASPIRATION_WORDS = 5  # "i am always looking to" is 5; "knowledge of" is 2


_CONTRACTIONS = {"'m": "am", "'ve": "have", "'re": "are", "'d": "would", "'ll": "will"}


_OPENING_TOKENS = 12  # twice the longest opening a test reads (`_SELF_NOUN_REACH` words)


def _opening_words(ctx: UnitContext) -> list[str]:
    """The unit's words among its first `_OPENING_TOKENS` tokens, lower case, a contraction as
    its full word ("I'm" -> 'i', 'am'). Worked out once per unit: the aspiration and
    self-description tests read it for every line with no figure."""
    words = ctx.memo.get("opening-words")
    if words is None:
        doc, out = ctx.tokens, []
        for k in range(min(len(doc), _OPENING_TOKENS)):
            low = ctx.lower(k)
            if doc[k].is_alpha:
                out.append(low)
            else:
                full = _CONTRACTIONS.get(low.replace("\u2019", "'"))
                if full is not None:
                    out.append(full)
        words = ctx.memo["opening-words"] = out
    return words


def _past_work_verb(
    ctx: UnitContext, allowed: frozenset[str] = frozenset(), endings: tuple[str, ...] = ("ed",)
) -> bool:
    """True when a verb of work sits anywhere in the unit: an irregular past ('led', 'built')
    or a word of five letters or more with one of `endings` ('-ed'; '-ing' too when asked) that
    is not title-cased after the first word (a name) nor in `allowed`."""
    if any(
        m.entry == "irregular-past" and ctx.lower(m.start) not in allowed
        for m in ctx.matches("action")
    ):
        return True
    return any(
        t.is_alpha
        and len(t) > 4
        and t.lower_.endswith(endings)
        and not (t.is_title and t.i > 0)
        and t.lower_ not in allowed
        and not _adjective_participle(ctx, t.i)
        for t in ctx.tokens
    )


def _adjective_participle(ctx: UnitContext, k: int) -> bool:
    """'highly developed', 'goal-oriented': a participle after an '-ly' adverb or glued by a
    hyphen to the word before it is an adjective, no verb of work."""
    if k == 0:
        return False
    before = ctx.doc[k - 1]
    if before.text in ("-", "‑") and not before.whitespace_:
        return True
    return before.is_alpha and before.lower_.endswith("ly") and len(before) > 3


def _claims_change(ctx: UnitContext, allowed: frozenset[str] = frozenset()) -> bool:
    """A weak phrase, a change word (other than `allowed`) or an outcome trigger in the unit:
    it claims work, so no test of a line that states none (self-description, a job held, a
    course) applies."""
    if ctx.has("weak") or ctx.has("trigger"):
        return True
    return any(ctx.lower(m.start) not in allowed for m in ctx.matches("change"))


def _aspiration(ctx: UnitContext) -> bool:
    """The unit opens with an aim or attitude ('My goal is to learn', 'I am always looking to
    suggest', "I'm looking for the opportunity to"): it states no work done. Bounded: the
    first `_ASPIRATION_WORDS` words are read, a contraction as its full word. Asked by
    no-quantification, missing-guardrail and weak-verb: worked out once per unit."""
    found = ctx.memo.get("aspiration")
    if found is None:
        found = ctx.memo["aspiration"] = _opens_as_aspiration(ctx)
    return found


def _opens_as_aspiration(ctx: UnitContext) -> bool:
    words = _opening_words(ctx)
    if words and words[0] in ctx.word_list("opening-adverbs"):
        words = words[1:]  # "Now I'm looking for a junior PM job"
    return _opens_with(words, ctx.word_list("aspiration-openers"), 2, _ASPIRATION_WORDS)


def _opens_with(words: list[str], phrases: frozenset[str], shortest: int, longest: int) -> bool:
    """True when the opening `words` begin with one of `phrases` of `shortest` to `longest`
    words; the first word is looked up alone first, so most lines cost one set lookup."""
    if not words or words[0] not in _first_words(phrases):
        return False  # no phrase begins with the line's first word (most lines)
    return any(" ".join(words[:n]) in phrases for n in range(shortest, longest + 1))


_OBJECTIVE_CUES = 2  # "a challenging position in a dynamic organization": two cues
_OBJECTIVE_CUES_ALONE = 4  # "position", "organization", "skills", "utilized": any opening
_OBJECTIVE_TOKENS = 60  # an objective is a sentence or two; a story names these words too
_OBJECTIVE_OPENER_WORDS = 3  # "be part of"


def _career_objective(ctx: UnitContext) -> bool:
    """A CV's career objective states an aim, not work done: a line that holds an objective
    phrase anywhere (`objective-phrases`: '..., I would like to work for a challenging
    organization'); or a short line naming `_OBJECTIVE_CUES_ALONE` words of the place sought
    or the skills put to use (`objective-cues`), however it opens; or one opened as an
    objective (`objective-openers`: 'To secure a challenging position in a dynamic
    organization', 'Seeking challenging environment') naming `_OBJECTIVE_CUES` of them. A duty
    written as an infinitive ('To manage key accounts in the north region') names none. Asked
    by no-quantification, missing-guardrail and weak-verb: worked out once per unit."""
    found = ctx.memo.get("career-objective")
    if found is None:
        found = ctx.memo["career-objective"] = _is_career_objective(ctx)
    return found


def _is_career_objective(ctx: UnitContext) -> bool:
    phrases = ctx.word_list("objective-phrases")
    if not ctx.lower_set.isdisjoint(_first_words(phrases)):
        joined = f" {' '.join(t.lower_ for t in ctx.tokens)} "
        if any(f" {p} " in joined for p in phrases):
            return True  # "..., I would like to work for a challenging organization"
    cues = ctx.word_list("objective-cues")
    if ctx.lower_set.isdisjoint(cues) and "-" not in ctx.lower_set:
        return False  # no word of an objective (most lines)
    found = sum(ctx.listed(k, "objective-cues") for k in range(len(ctx.doc)))  # "self-development"
    if found >= _OBJECTIVE_CUES_ALONE and len(ctx.doc) <= _OBJECTIVE_TOKENS:
        return True  # "A job ... a growth oriented position in an organization, where my skills
        # are effectively utilized": the objective however it opens
    words = _opening_words(ctx)
    if not _opens_with(words, ctx.word_list("objective-openers"), 1, _OBJECTIVE_OPENER_WORDS):
        return False
    if words[0] == "to" and (len(words) < 2 or words[1] in ("the", "a", "an")):
        return False  # "To the sales team ...": no verb of aim
    return found >= _OBJECTIVE_CUES


_KEYWORD_LINE_WORDS = 3  # "Strategic Planning - Sales & Marketing - Business Development"
_ACRONYM = 5  # "HSE", "CRM", "A/S": a short upper-case word in a title-cased list


def _keyword_line(ctx: UnitContext) -> bool:
    """'Strategic Planning - Sales & Marketing - Business Development', 'Visual Design, Graphic
    Design, User Research': a line of title-cased words only (short acronyms and function words
    aside) is a list of skills or a heading, not work done, unless it opens on a verb or an
    action noun ('Creating Stock Transfer Orders', 'Preparation Of Bank Cash Sales')."""
    words = [t for t in ctx.tokens if t.is_alpha]
    if len(words) < _KEYWORD_LINE_WORDS or all(t.is_upper for t in words):
        return False  # "ESSENTIAL FUNCTIONS INCLUDE ...": a sentence in capitals
    if not ctx.lower_set.isdisjoint(ctx.word_list("honour-words")):
        return False  # "Recipient of the Young Ham of the Year Award": an honour won is impact
    plain = ctx.word_list("keyword-line-joiners")
    if not all(
        t.is_title or (t.is_upper and len(t) <= _ACRONYM) or t.lower_ in plain for t in words
    ):
        return False  # most lines: a lower-case word
    first = words[0].lower_
    if first.endswith(("ing", "ed")) or any(
        ctx.at(c, words[0].i) is not None for c in ("change", "action", "weak")
    ):
        return False  # "Creating Accounts in Tally", "Manage Key Accounts Across The Region"
    if any(ctx.lower(m.start).endswith("ed") for m in ctx.matches("action")):
        return False  # "Member: Ford Citizenship Committee, Championed Flood Relief"
    nxt = ctx.lower(words[0].i + 1)
    return not (first.endswith(tuple(ctx.word_list("action-noun-endings"))) and nxt == "of")


_MEMBER_OPENING = 6  # "Founding member of", "Co-Chair, HealthTech Club; active member"


def _membership(ctx: UnitContext) -> bool:
    """'Member of Sloan Marketing and MediaTech clubs', 'Founding member of the Florida Chamber
    of Commerce', 'Member - SCUBA Club and Sailing Club': a line that opens with a membership
    of a body (`membership-bodies`) and holds no verb of work, action or change states no work
    ('Member: Ford Citizenship Committee, Championed Flood Relief' does)."""
    words = _opening_words(ctx)[:_MEMBER_OPENING]
    if "member" not in words and "members" not in words:
        return False
    if ctx.lower_set.isdisjoint(ctx.word_list("membership-bodies")):
        return False
    if any(ctx.has(c) for c in ("weak", "change", "trigger")):
        return False
    member = next(k for k in range(len(ctx.doc)) if ctx.lower(k) in ("member", "members"))
    for m in ctx.matches("action"):
        word = ctx.doc[m.start]
        if m.start > member and (word.is_lower or word.lower_.endswith("ed")):
            return False  # "..., Championed Flood Relief"; not a name ("Sloan Marketing")
    return not _past_work_verb(ctx)


@lru_cache(maxsize=16)  # one word list a lexicon: a config's edits make a new one
def _first_words(phrases: frozenset[str]) -> frozenset[str]:
    """The first word of every phrase of a word list."""
    return frozenset(p.split(" ")[0] for p in phrases)


_SELF_NOUN_REACH = 6  # "Superb planning, analysis, and estimation skills": the skill noun's reach


def _self_description(ctx: UnitContext) -> bool:
    """'I can plan the workflow', 'I know how to plan', "I'm strong, professional team player",
    'Superb planning, analysis, and estimation skills': a line that opens with the writer's
    ability, knowledge or liking (`self-statement-verbs` after 'I') or with praise of a skill
    (`skill-praise` then a `skill-nouns` word) describes the writer, not work done, unless a
    past verb of work, a weak phrase, a change or an outcome word in it claims some ("I'm now
    responsible for the IELTS department", "Exceptional engagement skills resulted in ...")."""
    words = _opening_words(ctx)
    if len(words) < 2:
        return False
    i = _first_person_at(ctx, words)
    if i is not None:
        verb = next((w for w in words[i + 1 : i + 3] if not w.endswith("ly") and w != "also"), "")
        opens = verb in ctx.word_list("self-statement-verbs") or _experience_held(ctx, words, i)
    else:
        opens = words[0] in ctx.word_list("skill-praise") and not ctx.word_list(
            "skill-nouns"
        ).isdisjoint(words[1:_SELF_NOUN_REACH])
    had = ctx.word_list("experience-verbs")  # "I have gained experience" moves no metric
    if not opens or _claims_change(ctx, allowed=had):
        return False
    return not _past_work_verb(ctx, allowed=had)  # "I can say I led the launch"


_LEAD_IN_WORDS = 5  # "Since moving to the UK, I have", "During that period I decided"


def _first_person_at(ctx: UnitContext, words: list[str]) -> int | None:
    """The index among the opening words of the 'I' that opens the line, at the start or after
    a short lead-in with no verb of work ('At work I prioritise', 'Since moving to the UK, I
    have gained'); None when the line opens otherwise."""
    if words and words[0] == "i":
        return 0
    if "i" not in words[1 : _LEAD_IN_WORDS + 1]:
        return None
    k = words.index("i", 1)
    i_token = _first_i_token(ctx)
    if i_token is not None and ctx.lower(i_token - 1) == ",":
        return k  # "engineer, I had experience": the lead-in is a fragment set off
    actions = {ctx.lower(m.start) for m in ctx.matches("action")}
    if any(w in actions and w not in ctx.word_list("lead-in-words") for w in words[:k]):
        return None  # "Managed the team so I could": a work verb first
    return k


def _first_i_token(ctx: UnitContext) -> int | None:
    """The token index of the first 'I' among the opening tokens."""
    return next(
        (k for k in range(min(len(ctx.doc), _OPENING_TOKENS)) if ctx.doc[k].lower_ == "i"), None
    )


def _experience_held(ctx: UnitContext, words: list[str], i: int) -> bool:
    """'I had experience working in a copper plant', 'I have also gained some local
    experience': 'I' with a verb of having or gaining (`experience-verbs`) and, within a few
    words, a noun of experience (`experience-nouns`) states what the writer has, not work."""
    verbs, nouns = ctx.word_list("experience-verbs"), ctx.word_list("experience-nouns")
    k = _first_i_token(ctx)
    if k is None or i + 1 >= len(words) or words[i + 1] not in verbs:
        return False
    reach = range(k + 2, min(len(ctx.doc), k + 2 + _EXPERIENCE_REACH))
    return any(ctx.lower(j) in nouns for j in reach)


_EXPERIENCE_REACH = 6  # "I have also gained some local experience": 5 words after 'have'


_ROLE_VERB_REACH = 4  # "Last time I worked as", "Since 2022 I have been working as"
_ROLE_AS_REACH = 6  # "I started my work career at building company as a marketing manager"


def _learning_statement(ctx: UnitContext) -> bool:
    """'I completed the "Project Manager" course at GoIT', "I've obtained Prince2
    certification and completed an IT Project Management course", 'My journey into
    development began with front-end courses': a line that names a course, a certificate or
    training (`learning-nouns`) and whose only verbs are of learning (`learning-verbs`) reports
    what the writer learnt, not work done. 'Delivered training sessions', 'Studied market
    trends and presented insights' hold another verb and still state work."""
    if ctx.lower_set.isdisjoint(ctx.word_list("learning-nouns")):
        return False
    first = next((t for t in ctx.tokens if t.is_alpha), None)
    if first is None or first.lower_ in ("a", "an", "the"):
        return False  # "A Canvas LMS wrapper that lets students enrolled ...": a project described
    if _claims_change(ctx):
        return False
    verbs = ctx.word_list("learning-verbs")
    return any(t.lower_ in verbs for t in ctx.tokens) and not _past_work_verb(
        ctx, allowed=verbs, endings=("ed", "ing")
    )


def _role_statement(ctx: UnitContext) -> bool:
    """'Last time I worked as a co-founder and manager of the grocery store', 'Worked for
    National Informatics Centre from 2014 to 2015', 'I started my work career at a building
    company as a marketing manager': a verb of holding a job (`role-statement-verbs`) near the
    start, then 'as', 'for' or 'at' and the role or employer, with no other verb of work, a
    weak phrase, a change or an aim ('to maintain ...') in the line, names a role held, not
    work done."""
    roles = ctx.word_list("role-statement-verbs")
    if ctx.lower_set.isdisjoint(roles):
        return False  # no verb of holding a job anywhere (most lines)
    words = [t for t in ctx.tokens[: _ROLE_VERB_REACH * 3] if t.is_alpha][:_ROLE_VERB_REACH]
    verb = next((t for t in words if t.lower_ in roles), None)
    if verb is None or _claims_change(ctx):
        return False
    reach = range(verb.i + 1, min(len(ctx.doc), verb.i + 1 + _ROLE_AS_REACH))
    titles = role_words().title_words
    held = any(  # "as a co-founder and manager": a job title; "as a liaison": a function
        ctx.lower(k) == "as" and any(ctx.lower(j) in titles for j in range(k + 1, k + 5))
        for k in reach
    ) or (  # "Worked for National Informatics Centre ... 2014": an employer and when
        any(ctx.lower(k) in ("for", "at") for k in reach)
        and any(q.kind in ("year", "date") for q in ctx.numbers)
    )
    if not held:
        return False
    if any(ctx.lower(m.start - 1) == "to" for m in ctx.matches("action")):
        return False  # "Worked as part of the Applications Group to maintain installations"
    return not _past_work_verb(ctx, allowed=roles, endings=("ed", "ing"))


_HEADING_WORDS = 13  # "Since February 2022, I have been working as IT Project Manager in ..."


def _role_heading(ctx: UnitContext) -> bool:
    """'Project Manager | AIR Media-Tech | Nov 2020 - present', 'From January 2018 to October
    2018 - Marketing Manager at Volans': a short line with a date range and a job title, and
    no verb of work before the title, names a role held, not work done. 'Led the migration
    as Product Manager (2019-2021)' opens on its verb and still states work."""
    titles = role_words().title_words
    if ctx.lower_set.isdisjoint(titles):
        return False  # no job title at all (most lines)
    words = list(islice((t for t in ctx.tokens if t.is_alpha), _HEADING_WORDS + 1))
    if not words or len(words) > _HEADING_WORDS:
        return False
    if not any(t.lower_ in titles and t.text[:1].isupper() for t in words) or not has_date_range(
        ctx.doc_text
    ):  # the date search last: it is the costly test
        return False  # a heading capitalises its title; "product demos and lead generation"
    first = words[0]
    if first.lower_.endswith("ed") or ctx.at("change", first.i) or ctx.at("weak", first.i):
        return False  # "Championed the president's roundtable from 2002 to 2003"
    return not any(
        t.lower_.endswith(("ed", "ing")) and len(t) > 4 and not t.is_title
        for t in words
        if t.lower_ not in ctx.word_list("role-statement-verbs")
    )


_LIST_LABEL_WORDS = 3  # "Utilized tools:", "Tech stack used:"


def _context_label(ctx: UnitContext) -> bool:
    """'Situation: Security concerns for pre-release devices': a bullet opened by a STAR
    context label and a colon (`context-labels`; 'S:' too) gives the background, not work done
    (a one-line unit: 'S: ... T: ... A: ...' on lines of their own is a whole story); so does
    a list of tools under its label ('Utilized tools: Figma, Asana, Tableau': a word of
    `tool-list-labels` in the first `_LIST_LABEL_WORDS` words, right before the colon)."""
    if ":" not in ctx.lower_set:
        return False  # both forms need a colon (most lines have none)
    first = next((t for t in ctx.tokens[:3] if t.is_alpha), None)
    if (
        first is not None
        and "\n" not in ctx.text.strip()  # "S: ...\nT: ...\nA: ...": a whole story, not a line
        and first.lower_ in ctx.word_list("context-labels")
        and ctx.lower(first.i + 1) == ":"
    ):
        return True
    colon = next(
        (k for k in range(min(len(ctx.doc), _LIST_LABEL_WORDS + 1)) if ctx.lower(k) == ":"), None
    )
    return colon is not None and ctx.lower(colon - 1) in ctx.word_list("tool-list-labels")


_DESCRIBED_SUBJECT = 6  # "Capgemini Consulting is", "The Plaza Apartments is": the copula's reach
_DESCRIBED_NOUN = 8  # "is a Microsoft Gold Partner", "is one of the largest cosmetic retailers"


def _firm_addresses_client(ctx: UnitContext) -> bool:
    """'We represent your interests and work very closely with our clients', 'Because we only
    work with a select number of clients, you can expect ...': a firm speaking as 'we' to its
    reader as 'you', with no 'I', is the employer's copy (a profile's company description),
    not the writer's work (set65)."""
    lows = ctx.lower_set
    return (
        not lows.isdisjoint(ctx.word_list("you-pronouns"))
        and not lows.isdisjoint(ctx.word_list("we-pronouns"))
        and lows.isdisjoint(ctx.word_list("i-pronouns"))
    )


def _organisation_described(ctx: UnitContext) -> bool:
    """'PCMS is a Microsoft Gold Partner who specializes in Cloud', 'IVT is a provider of
    enterprise-scale software', 'The company produces and sells sweets': a line that opens on a
    named subject (not 'I' or 'we'), a copula and an organisation noun (`organisation-nouns`),
    or on 'the' or 'this' and an organisation noun that does something, or a firm speaking as
    'we' to its reader as 'you', describes the employer or a client, not work done ('CV Maker
    is a web app' describes the writer's project: still work). Asked by no-quantification and
    missing-guardrail alike: worked out once per unit."""
    found = ctx.memo.get("organisation-described")
    if found is None:
        found = ctx.memo["organisation-described"] = _describes_organisation(ctx)
    return found


def _describes_organisation(ctx: UnitContext) -> bool:
    if _firm_addresses_client(ctx):
        return True
    words = [t for t in ctx.tokens[:6] if t.is_alpha]
    if (
        len(words) >= 3
        and words[0].lower_ in ("the", "this")
        and ctx.listed(words[1].i, "organisation-nouns")
        and words[2].lower_.endswith(("s", "ed"))
        and words[2].lower_ not in ("is", "was", "has", "as")
    ):
        return True  # "The company produces and sells sweets", "This company changed its plan"
    # "Is a Mumbai based software service provider": the employer, its name left out ("Was a
    # teaching assistant" is a role the writer held)
    copula = (
        0
        if ctx.lower(0) == "is"
        else next(
            (
                k
                for k in range(1, min(len(ctx.doc), _DESCRIBED_SUBJECT + 1))
                if ctx.lower(k) in ("is", "was")
            ),
            None,
        )
    )
    writer = ctx.word_list("i-pronouns") | ctx.word_list("we-pronouns")
    if copula is None or not ctx.doc[0].text[:1].isupper() or ctx.lower(0) in writer:
        return False
    named = all(  # "NorthCourse Consulting LLC. is", "Acme, Inc. is": a suffix's stop or comma
        ctx.doc[k].text[:1].isupper() or ctx.lower(k) in ("&", "'s", ".", ",")
        for k in range(copula)
    )
    if not named and not (ctx.lower(0) in ("the", "this") and copula <= 3):
        return False  # "Joined Acme when it was a startup": the writer's line, no named subject
    if ctx.lower(copula + 1) not in ("a", "an", "the", "one"):
        return False
    ends = ctx.word_list("described-phrase-ends")
    start = copula + 2
    if ctx.lower(start - 1) == "one" and ctx.lower(start) == "of":
        start += 1  # "is one of the largest cosmetic retailers"
    for k in range(start, min(len(ctx.doc), start + _DESCRIBED_NOUN)):
        if ctx.listed(k, "organisation-nouns"):
            return True  # "is a non-profit", "is a start-up"
        if ctx.lower(k) in ends or not (
            ctx.doc[k].is_alpha or ctx.doc[k].like_num or ctx.lower(k) == "-"
        ):
            return False  # "a software solution designed to streamline the organization"
    return False


def states_work(ctx: UnitContext) -> bool:
    """True when the unit claims work or impact (an action, weak or change verb, or a verb-like
    first word), not a heading, a skills list or a contact line, nor a bullet that opens with
    an aim or attitude ('My goal is to learn ...'). Asked by no-quantification and by the
    unit's report (`claims_work`): worked out once per unit."""
    found = ctx.memo.get("states-work")
    if found is None:
        found = ctx.memo["states-work"] = _states_work(ctx)
    return found


_WORK_CATEGORIES = ("action", "weak", "change", "trigger")  # words that state work done


def _metric_result(ctx: UnitContext) -> bool:
    """A product metric with a relative or signed figure ('Unique clicks: +147% above bank
    average', a real resume line under its campaign) reports an outcome, impact claimed,
    though no verb states the work (the browser pass saw it called a line that claims no work
    beside its missing-baseline finding)."""
    if not any(q.sign or q.kind in ("percent", "multiplier") for q in ctx.quantities):
        return False
    return any(mentions(ctx, c) for c in ("product", "vanity", "causal"))


def _states_work(ctx: UnitContext) -> bool:
    words = [t for t in ctx.tokens if t.is_alpha]
    if ctx.story is None and len(words) < 2:
        return False  # "Code", "Deck": a link's label under a project (a real PDF), no claim
    if ctx.story is None and (
        _aspiration(ctx)
        or _career_objective(ctx)
        or _membership(ctx)
        or _keyword_line(ctx)
        or _context_label(ctx)
        or _organisation_described(ctx)
        or _role_heading(ctx)
        or _self_description(ctx)
        or _role_statement(ctx)
        or _learning_statement(ctx)
    ):
        return False
    if any(ctx.has(c) for c in _WORK_CATEGORIES):
        # "I wanted to reduce the time spent freelancing", "I'll make some improvements": every
        # work word not done yet states no work (a bullet; a story's other lines may). The
        # first work word done ends the walk: most lines open on one.
        return ctx.story is not None or any(
            not _unrealised(ctx, m.start) for c in _WORK_CATEGORIES for m in ctx.matches(c)
        )
    if not words:
        return False
    if _metric_result(ctx):
        return True  # "Unique clicks: +147% above bank average": a result reported
    if len(words) >= _HONOUR_WORDS and not ctx.lower_set.isdisjoint(ctx.word_list("honour-words")):
        return True  # "2013 recipient of the Gold Star Award": an honour won is impact
    if len(words) >= _DESCRIPTION_WORDS and any(
        len(t) > 4 and t.lower_.endswith(("ed", "ing")) and not (t.is_title and t.i > 0)
        for t in words
    ):
        return True  # "A trading strategy using indicators ...": a project described; a
        # title-cased word is a name ("member of the Management Consulting Club")
    first = words[0].lower_
    if len(words) >= 3 and (
        (len(first) > 4 and first.endswith(("ed", "ing")))
        or first in ctx.word_list("short-work-openers")
    ):
        return True
    if ctx.at("scale", words[0].i) is not None and first.endswith("s") and len(words) >= 3:
        return True  # "Supports customers throughout incident response": a duty, work done
    # "Creation of web applications", "Administration and maintenance of Linux servers":
    # an action noun opening the line, then its object, names work done
    nxt = ctx.lower(words[0].i + 1)
    return (
        first.endswith(tuple(ctx.word_list("action-noun-endings")))
        and nxt in ("of", "and", "with")
        and len(words) >= 4
    )


_UNREALISED_GAP = 2  # "I really want to improve", "I'll definitely make": adverbs between


def _unrealised(ctx: UnitContext, k: int) -> bool:
    """The work word at token k is not done yet: a modal of aim governs it ('I'll make some
    improvements', 'would reduce'; `aim-modals`, or a contraction's ''ll' or ''d'; not 'can'
    or 'could', which say what a built thing lets people do), or 'to' after the writer's verb
    of wanting or planning ('I wanted to reduce', 'we need to improve'; `desire-verbs`), with
    adverbs (`unrealised-adverbs`) allowed between."""
    adverbs = ctx.word_list("unrealised-adverbs")
    j = _back_over(ctx, k - 1, adverbs)
    low = _plain_apostrophe(ctx, j)
    if low in ctx.word_list("aim-modals") or low in ("'ll", "'d"):
        return True
    if low != "to":
        return False
    j = _back_over(ctx, j - 1, adverbs)
    if j < 0 or ctx.lower(j) not in ctx.word_list("desire-verbs"):
        return False
    # the writer's own wish ('I really want to', "I'd like to"); 'Client wanted to have' or
    # 'This project aims to develop' describes the work
    j = _back_over(ctx, j - 1, adverbs | ctx.word_list("auxiliaries"))
    return ctx.lower(j) in ("i", "we") or _plain_apostrophe(ctx, j) in ("'d", "'ve")


def _back_over(ctx: UnitContext, j: int, words: frozenset[str]) -> int:
    """Token j, or the one before up to `_UNREALISED_GAP` words of `words` ending at j."""
    for _ in range(_UNREALISED_GAP):
        if j >= 0 and ctx.lower(j) in words:
            j -= 1
    return j


def _plain_apostrophe(ctx: UnitContext, j: int) -> str:
    """Token j lower-cased, a typographic apostrophe written plain ("I’ll" as "I'll")."""
    return ctx.lower(j).replace("’", "'")


# ---------------------------------------------------------------------------------------
# core rules
# ---------------------------------------------------------------------------------------
@check("no-quantification")
def no_quantification(ctx: UnitContext) -> list[Hit]:
    """No count, percentage, money, duration, rate, ratio, size or rank in a unit that claims
    work or impact."""
    if ctx.quantities or not states_work(ctx):
        return []
    s, e = ctx.whole()
    return [Hit(s, e)]


def _in_scope(ctx: UnitContext, code: str, i: int) -> bool:
    """In a story, True when token i sits in a section the rule judges (its `sections`: the
    Action and Result for the metric rules); always True for other units."""
    if ctx.story is None:
        return True
    names = load_specs()[code].sections
    return not names or ctx.section_at(i) in names


def _weak_changes(ctx: UnitContext) -> frozenset[str]:
    return ctx.word_list("weak-changes")


def _figure_after_change(ctx: UnitContext, change: Match) -> bool:
    """A figure right after the change word, hedges skipped ('clicks on the site reaching
    2600'): the level the metric grew to."""
    return any(before_hedges(ctx, f.token_start) == change.end - 1 for f in ctx.quantities)


def _behaviour_count(ctx: UnitContext, v: MetricMention) -> bool:
    """'users who invited at least one friend', 'customers that completed onboarding': people
    counted by what they did after the launch, an activation-like measure, not raw reach; a
    verb of uptake ('users who signed up', ontology `counted_by.after_verbs`) still counts
    them as reach."""
    k = v.end + 1
    if ctx.lower(v.end) not in ("who", "that") or k >= len(ctx.doc) or not ctx.doc[k].is_alpha:
        return False
    uptake = ontology().counted_by.after_verbs
    return ctx.lower(k) not in uptake and f"{ctx.lower(k)} {ctx.lower(k + 1)}" not in uptake


def _vanity_outcome(ctx: UnitContext, v: MetricMention) -> bool:
    """True when a vanity mention is the reported outcome, not a name, an aim or a size."""
    if v.entry == "stars" and "github" not in ctx.doc_text.lower():
        return False  # "rated 4.8 stars" is a rating, not a repository's stars
    if v.entry == "reach" and ctx.lower(v.start) == "reach":
        if ctx.lower(v.start - 1) not in ctx.word_list("reach-modifiers"):
            return False
    if not v.head or v.modified or v.framed or v.purpose or _migrated(ctx, v):
        return False
    if _system_load(ctx, v):
        return False  # "Scaled push notification system from 100K to 10M users": its load
    if _colleague_uptake(ctx, v):
        return False  # "templates adopted by 50+ members": an internal practice's uptake
    if _data_source(ctx, v):
        return False  # "Analyzed data from 25,000 monthly users": where the data came from
    if ctx.lower(v.start - 1) in ctx.word_list("not-vanity-modifiers"):
        return False  # "patient visits" are care delivered, not web visits
    if ctx.lower(v.start - 1) in ctx.word_list("quality-modifiers"):
        return False  # "crash-free sessions", "fake sign-ups": reliability or fraud, not reach
    if _depth_ratio(ctx, v):
        return False  # "page views per session": engagement depth, a causal measure
    if ctx.lower(v.end) == "per" and ctx.lower(v.end + 1) in ctx.word_list("system-units"):
        return False  # "200 subscribers per topic": a message system's fan-out, not reach
    if _measure_of(ctx, v):
        return False  # "throughput of east-west traffic": an efficiency measure of it
    if _share_of(ctx, v):
        return False  # "the percentage of visitors who sign up": a rate, not a count
    if _behaviour_count(ctx, v):
        return False  # "the number of users who invited at least one friend": a behaviour
    if _dative_values(ctx, v):
        return False  # "the catalogue shown to visitors from 5K to 12K products"
    change, q = v.change, v.quantity
    if needs_change(v.entry):
        if change is None:
            grown = q is not None and (_built_up_to(ctx, q) or launched_uptake(ctx, q))
            if not grown and not _grown_over_period(ctx, v) and not _connected_outcome(ctx, v):
                return False  # "ran 15 training sessions" describes, does not grow
        elif (
            q is None
            and ctx.lower(change.start) in ctx.word_list("level-verbs")
            and not _figure_after_change(ctx, change)
        ):
            return False  # "before they reached users": no figure, no growth
        elif (
            ctx.lower(change.start) in _weak_changes(ctx)
            and not (ctx.lower(change.end) == "to" and ctx.quantities_before(change.end + 2))
            and not _grown_over_period(ctx, v)
        ):
            return False  # "added 3 developers"; but "got to 3k users" and "acquired 10,000
            # users in the first month" grew
    if change is not None and change.entry == "down":
        return False
    if change is None:
        if q is None or q.kind not in ("count", "percent", "multiplier", "rate"):
            return False  # "handle 180 MB downloads" is a size
        if v.scale and not _grown_not_scoped(ctx, v, q):
            return False  # "an app with 10k downloads"; but "... in its first month" grew
        if _connected_outcome(ctx, v):
            return True  # "resulting in 20,000 new users": what the work led to
        uptake = v.start <= before_hedges(ctx, q.token_start) < v.end  # "read 100,000 times"
        if (_worked_on(ctx, q) and not uptake) or _handled_people(ctx, q):
            return False  # "reviewed 1,200+ base visitors": the count is what was worked on
        if ctx.lower(before_hedges(ctx, q.token_start)) in ("to", "for", "across"):
            return _built_up_to(ctx, q)  # "shipped it to 40M weekly users": a rollout's scope;
            # but "Built the community to 5K developers" grew it
        if q.kind == "percent" and not q.sign:
            return False  # "canary: 10% traffic initially": unsigned, no change word: a share
        if in_parentheses(ctx, q.token_start):
            return _launched_aside(ctx, q)  # "the SDK (6.5k GitHub stars)" is its size
        if _comma_aside(ctx, v, q):
            return False  # "the checkout of our storefront, 500K monthly visitors, to React"
        return True
    if v.scale and ctx.lower(change.start) in ("more", "fewer", "less", "higher"):
        return False  # "to handle 10x more users" is capacity, not growth
    if _enabled_to(ctx, v):
        return False  # "a feature allowing more users to sign up": what the feature lets do
    if _rollout_scope(ctx, v):
        return False  # "expanded the beta to 2,000 users": how far a rollout reached
    # "grew a platform serving 1M users": the change is not to the vanity figure
    return not (q is not None and v.scale and change.start <= q.token_start)


_ASIDE_BACK = 6  # "Published 4 Android apps (" is 4 back from '(' to the verb


def _reached_level(ctx: UnitContext, m: MetricMention) -> bool:
    """'Conducted an analysis as the final project, reaching a user base of 20+', 'website
    experiences attracting 20K+ visitors': a participle of reaching (`reach-level-verbs`) with a
    count, after a main clause that tells no launch, test or growth push (no trigger and no
    earlier change word in the sentence) and with no period after it, gives the total the work
    reached, not a change it made ('Built and scaled platforms reaching 10k+ users' grew it)."""
    change = m.change
    if change is None or m.quantity is None:
        return False
    if ctx.lower(change.start) not in ctx.word_list("reach-level-verbs"):
        return False
    ss, se = ctx.sentence_of(m.start)
    if any(ss <= t.start < change.start for t in ctx.matches("trigger")):
        return False
    if any(ss <= c.start < change.start for c in ctx.matches("change")):
        return False
    return not _over_a_period(ctx, m.end, se)


def _rate_level(ctx: UnitContext, m: MetricMention) -> bool:
    """'Drive over 1 million dollars in ad revenue monthly through retail media', 'Delivered
    exceptional service to 50+ customers daily': an amount or a count before the metric, and
    right after the metric an adverb of a period ('monthly', 'daily'), give a run rate the
    work keeps up, a level, not a change it made, when the verb moving it is one of doing or
    yielding (`rate-level-verbs`), no word of a win stands before the metric ('new',
    'additional') and no relative figure is in the clause. 'Grew revenue to $1M monthly' and
    'Added 500 new customers monthly' stay changes (set92 hb92-041 and hb92-046, both
    labellers)."""
    change, q = m.change, m.quantity
    if change is None or q is None or q.kind not in ("money", "count"):
        return False
    if not (change.end <= q.token_start and q.token_end <= m.start):
        return False  # the verb, then its figure, then the metric
    if ctx.lower(m.end) not in ctx.word_list("rate-periods"):
        return False
    if ctx.lower(change.start) not in ctx.word_list("rate-level-verbs"):
        return False
    return not _won_or_relative(ctx, change, m)  # "drove $2M in new revenue annually": won


def _won_or_relative(ctx: UnitContext, change: Match, m: MetricMention) -> bool:
    """A word of a win between the verb and the metric ('generating $2M in new annual
    revenue', `won-modifiers`), or a relative figure in the metric's clause: the figure a
    yielding verb gives is then a win or a change, not a level."""
    if any(ctx.listed(k, "won-modifiers") for k in range(change.end, m.start)):
        return True
    cs, ce = ctx.clause_of(m.start)
    return any(cs <= r.quantity.token_start < ce for r in relative_figures(ctx))


def _output_rate(ctx: UnitContext, m: MetricMention) -> bool:
    """'Built Shopify e-commerce platform generating $500K+ in annual sales', 'initiatives
    generating $6M+ in annual revenue', 'assets generating 2M+ organic views annually': a
    participle of yielding (`output-participles`) right after the noun it describes, with a
    rate per period (`rate-periods`) in its clause and no relative figure there, gives what
    the thing yields per year or month, a level, not a change the work made ('new'/'additional'
    before the metric, or the participle opening a clause after a comma, tells a win)."""
    change = m.change
    if change is None or m.quantity is None or change.start >= m.start:
        return False
    if ctx.lower(change.start) not in ctx.word_list("output-participles"):
        return False
    prev = ctx.doc[change.start - 1] if change.start > 0 else None
    if prev is None or not prev.is_alpha or prev.lower_ in ("and", "or", "by", "i", "we"):
        return False
    if not ctx.lower(change.start).endswith("ing") and prev.lower_ not in ("which", "that"):
        return False  # "to generate 500 leads per month" is the aim reported; "accounts which
        # generate $12.5M annually" what they yield
    if _won_or_relative(ctx, change, m):
        return False  # "generating $2M in new annual revenue": revenue won
    _, ce = ctx.clause_of(m.start)
    periods = ctx.word_list("rate-periods")
    return any(
        ctx.lower(k) in periods
        or (ctx.lower(k) in ("year", "month") and ctx.lower(k - 1) in ("per", "a", "/"))
        for k in range(change.end, ce)
    ) or _yield_of_remit(ctx, change)


def _yield_of_remit(ctx: UnitContext, change: Match) -> bool:
    """'Managed a portfolio of over 300 accounts generating $3 million in sales': the yielding
    participle describes what a thing in the writer's remit brings in, when a verb of owning
    (`ownership-verbs`) opens its clause and no other action or change word comes before the
    participle: the size of what the writer looks after, not a change the work made."""
    cs, _ = ctx.clause_of(change.start)
    first = next((k for k in range(cs, change.start) if ctx.doc[k].is_alpha), None)
    if first is None or ctx.lower(first) not in ctx.word_list("ownership-verbs"):
        return False
    return not any(
        cs <= c.start < change.start
        for cat in ("change", "action")
        for c in ctx.matches(cat)
        if c.start != first
    )


_ASIDE_REACH = 8  # "(20% of Canva's total users)": 'users' is 6 after the parenthesis


def _aside_after_change(ctx: UnitContext, m: MetricMention) -> bool:
    """'drove 10+M MAU growth (20% of Canva's total users)': a metric inside a parenthesis
    opened after its change word, with no change word and no figure of its own there but a
    share, is an aside that sizes the win told before it, not a second metric moved."""
    change = m.change
    if change is None or change.start >= m.start or not in_parentheses(ctx, m.start):
        return False
    lo = max(change.end, m.start - _ASIDE_REACH)
    opened = next((k for k in range(m.start - 1, lo - 1, -1) if ctx.lower(k) == "("), None)
    if opened is None or in_parentheses(ctx, change.start):
        return False
    # a figure of its own there ('(+4% conversion)', '(280 → 378 leads/month)') moves it;
    # only a share ('20% of ...') sizes the win
    return all(
        q.kind == "percent" and ctx.lower(q.token_end) == "of"
        for q in ctx.quantities
        if opened < q.token_start < m.start
    )


_BUILT_OBJECT = 5  # "Built Strands Agents community to": 3 words between the verb and 'to'


def _built_up_to(ctx: UnitContext, q: Quantity) -> bool:
    """'Built Strands Agents community to 5K developers', 'Built the newsletter to 12K
    subscribers': a creation verb (`creation-verbs`) whose object is an audience
    (`audience-nouns`), then 'to' and a count, grew the audience to that size; 'Shipped the
    SDK to 5K developers' names a rollout's scope. Reads at most `_BUILT_OBJECT` words back."""
    lead = before_hedges(ctx, q.token_start)
    if ctx.lower(lead) != "to":
        return False
    cs, _ = ctx.clause_of(q.token_start)
    audience = False
    for k in range(lead - 1, max(cs, lead - 1 - _BUILT_OBJECT) - 1, -1):
        low = ctx.lower(k)
        if low in ctx.word_list("creation-verbs"):
            return audience
        if low in ctx.word_list("audience-nouns"):
            audience = True
        elif not ctx.doc[k].is_alpha:
            return False
    return False


def _launched_aside(ctx: UnitContext, q: Quantity) -> bool:
    """'Published 4 Android apps (150k+ installs)': a count in parentheses right after the
    object of a launch verb (`launch-verbs`) is what the launch won, its outcome; after any
    other object ('the SDK (6.5k GitHub stars)', 'an imaging app (43 stars)') it sizes it."""
    cs, _ = ctx.clause_of(q.token_start)
    k = q.token_start - 1
    while k > cs and ctx.lower(k) != "(":
        k -= 1
    if ctx.lower(k) != "(":
        return False
    counts = {
        j for f in ctx.quantities if f.kind == "count" for j in range(f.token_start, f.token_end)
    }
    verbs = ctx.word_list("launch-verbs")
    for j in range(k - 1, max(cs, k - 1 - _ASIDE_BACK) - 1, -1):
        low = ctx.lower(j)
        if low in verbs:
            return j < k - 1
        if not (ctx.doc[j].is_alpha or j in counts) or low in ctx.word_list("blocking"):
            return False
    return False


def _comma_aside(ctx: UnitContext, v: MetricMention, q: Quantity) -> bool:
    """'Refactored the checkout of our storefront, 500K monthly visitors, to React': a count and
    its reach noun set off by commas inside a clause that goes on (not 'and', not another
    figure: no list of results) size the noun before them, when no launch verb
    (`launch-verbs`) or change word comes before them in the clause ('Launched the app, 50K
    downloads, ...' reports uptake; 'Grew the channel, 40K subscribers, ...' its growth)."""
    first = before_hedges(ctx, q.token_start)
    if ctx.lower(first) != "," or ctx.lower(v.end) != ",":
        return False
    nxt = v.end + 1
    if ctx.lower(nxt) in ("and", "&", "plus", "with") or any(
        f.token_start == nxt for f in ctx.quantities
    ):
        return False  # "50K downloads, and a 4.8 rating": a list of results
    if not ctx.doc[first - 1].is_alpha:
        return False
    cs, _ = ctx.clause_of(first)
    verbs = ctx.word_list("launch-verbs")
    return not any(ctx.lower(j) in verbs or ctx.at("change", j) for j in range(cs, first))


def _connected_outcome(ctx: UnitContext, m: MetricMention) -> bool:
    """'... programmers that contributed to 67.4 million unique players', 'resulting in 20k
    users': a count right after an outcome connector (`outcome-connectors`) is what the work
    led to, a reported result."""
    q = m.quantity
    if q is None or q.token_end != m.start:
        return False
    k = before_hedges(ctx, q.token_start)
    two = f"{ctx.lower(k - 1)} {ctx.lower(k)}"
    return two in ctx.word_list("outcome-connectors")


def _grown_not_scoped(ctx: UnitContext, m: MetricMention, q: Quantity) -> bool:
    """'Developed an app with 10k downloads in its first month': a count a period follows
    reports growth even where its clause describes a size, unless a preposition of scope
    leads it ('a hackathon for 300 students in 2 weeks' says whom it was for)."""
    lead = before_hedges(ctx, q.token_start)
    if ctx.lower(lead) in ctx.word_list("scope-preps"):
        return False
    if test_sample(ctx, lead, ctx.clause_of(q.token_start)[0]):
        return False  # "Tested the prototype with 12 users over two weeks": the sample
    return _grown_over_period(ctx, m)


def _migrated(ctx: UnitContext, m: MetricMention) -> bool:
    """'moving 22,000 users in three days', 'a migration of 3,000 mailboxes', '8,000 users
    migrated in 48 hours': people or accounts counted as what a migration carried are its
    scope, not users won (RULES.md: a description of scale, no reported change)."""
    q = m.quantity
    if q is None or q.token_start > m.start:
        return False
    if ctx.listed(m.end, "migration-verbs"):
        return True
    k = q.token_start - 1
    while k >= 0 and ctx.lower(k) in ctx.word_list("scale-hedges"):
        k -= 1
    return ctx.listed(k, "migration-verbs") or (
        ctx.lower(k) == "of" and ctx.listed(k - 1, "migration-verbs")
    )


_CAPACITY_BACK = 8  # "Scaled push notification system from 100K to 10M" is 7 before 'users'


def _system_load(ctx: UnitContext, m: MetricMention) -> bool:
    """'Scaled push notification system from 100K to 10M users', 'Scaled backend users 1k ->
    10k': a verb of capacity (`capacity-verbs`) whose object is a technical system
    (`system-nouns`) before the people count makes the count the load the system carries, its
    scale (RULES.md: 'serving 1M+ daily users' describes the system), not users won."""
    cs, _ = ctx.clause_of(m.start)
    seen = False
    for k in range(m.start - 1, max(cs, m.start - _CAPACITY_BACK) - 1, -1):
        low = ctx.lower(k)
        if low in ctx.word_list("capacity-verbs"):
            return seen or _built_for(ctx, k, cs) or _by_systems_work(ctx, m)
        if low in (",", ";"):
            return False
        seen = seen or ctx.listed(k, "system-nouns")  # "back-end" too
    return False


_MEANS_AHEAD = 8  # "from 20M to 80M MAU (4x growth) by re-architecting" is 5 to 'by'


def _by_systems_work(ctx: UnitContext, m: MetricMention) -> bool:
    """'Scaled Canva Search from 20M to 80M MAU (4x growth) by re-architecting ingestion':
    scaling done by work on the system itself (`systems-work-gerunds` after 'by') made it carry
    the users, its capacity ('Scaled the app to 1M users by building a referral loop' grew
    them)."""
    _, ce = ctx.clause_of(m.start)
    return _listed_after(ctx, m.end, _MEANS_AHEAD, ce, "by", "systems-work-gerunds", 3)


def _listed_after(
    ctx: UnitContext, start: int, ahead: int, ce: int, word: str, list_id: str, within: int
) -> bool:
    """True when the first `word` in the `ahead` tokens from `start` (inside the clause ending
    at ce) has a word of `list_id` among the `within` tokens after it ('by re-architecting',
    'of event data')."""
    for j in range(start, min(ce, start + ahead)):
        if ctx.lower(j) == word:
            return any(ctx.listed(i, list_id) for i in range(j + 1, min(ce, j + 1 + within)))
    return False


def _built_for(ctx: UnitContext, k: int, cs: int) -> bool:
    """'pipeline architecture for product scaling from 0 to 100,000 DAU', 'infrastructure to
    scale to 10M users': a system noun, then 'for'/'to' (`built-for-preps`) and at most one
    word before the capacity verb at k, says what the system was built to carry."""
    for j in range(k - 1, max(cs, k - 3) - 1, -1):
        if ctx.lower(j) in ctx.word_list("built-for-preps"):
            return j > cs and ctx.listed(j - 1, "system-nouns")
    return False


def _data_source(ctx: UnitContext, v: MetricMention) -> bool:
    """'Analyzed data from 25,000 monthly users', 'feedback from 300 customers': a count led by
    'from'/'of' after a noun of gathered data (`data-source-nouns`) is the population the data
    came from, not users won. So is a count the data work ran on ('dashboards on 50M page
    views a day', `data-work-nouns`) or one that is itself data ('300M page views of logs')."""
    q = v.quantity
    if q is None or q.token_start > v.start:
        return False
    k = before_hedges(ctx, q.token_start)
    if ctx.lower(k) in ("from", "of") and ctx.lower(k - 1) in ctx.word_list("data-source-nouns"):
        return True
    if ctx.lower(k) in ("on", "over") and ctx.lower(k - 1) in ctx.word_list("data-work-nouns"):
        return True  # "Built dashboards on 50M page views a day"
    if v.change is not None:
        return False  # "Grew page views of product reviews 2x" moved them
    _, ce = ctx.clause_of(v.start)
    # "300M page views of logs", "50M page views a day of event data"
    return _listed_after(ctx, v.end, _DATA_OF_AHEAD, ce, "of", "data-source-nouns", 2)


_DATA_OF_AHEAD = 4  # "page views a day of" is 3 after the metric


_ROLLOUT_OBJECT = 4  # "expanded the private beta to" is 3 between the verb and 'to'


def _rollout_scope(ctx: UnitContext, m: MetricMention) -> bool:
    """'expanded the beta to 2,000 users', 'opened access to 500 customers': a change word
    whose object's head is a rollout (beta, pilot, access) and a count after 'to' give how far
    the rollout reached, its scope, not users won ('grew the beta waitlist to 5,000 sign-ups'
    still grew a count, and so did 'scaled the platform from launch to thousands of users')."""
    change, q = m.change, m.quantity
    if change is None or q is None or not (change.end < q.token_start <= m.start):
        return False
    to = before_hedges(ctx, q.token_start)
    if ctx.lower(to) != "to" or to - change.end > _ROLLOUT_OBJECT:
        return False
    if ctx.lower(to - 2) == "from":
        return False  # "scaled the platform from launch to thousands of monthly users": from
        # its start to that count, grown
    return change.end < to and ctx.listed(to - 1, "rollout-nouns")


def _enabled_to(ctx: UnitContext, m: MetricMention) -> bool:
    """'allowing more users to sign up', 'so more customers can self-serve': a comparative
    with no figure before people who are then given something to do ('to <verb>', 'can')
    says what the work lets them do, not a count it moved. So do people right after a verb of
    enabling (`enabling-verbs`) and 'to': in 'leading to increased efficiency and allowing
    users to start working' the change is the efficiency's, and the users are let do a thing."""
    change = m.change
    if change is None or m.quantity is not None:
        return False
    if ctx.lower(m.end) not in ("to", "can", "could"):
        return False
    if ctx.lower(change.start) in ctx.word_list("change-particles"):
        return True
    return ctx.lower(m.start - 1) in ctx.word_list("enabling-verbs")


def _uptake_verb(ctx: UnitContext, m: MetricMention) -> bool:
    """'gaining 15000+ downloads', 'a tutorial series (launched) viewed 5M times': the count is
    the uptake of something the writer launched or changed, or it grew over a period."""
    if m.quantity is None:
        return False
    if launched_uptake(ctx, m.quantity):
        return True  # "Wrote viral article series with 2M+ views": what the piece won
    if _content_uptake(ctx, m.quantity):
        return True  # "Created video scripts and captions with thousands of organic views"
    lo = max(0, min(m.start, m.quantity.token_start) - 4)
    if any(ctx.at("change", k) for k in range(lo, m.start)):
        return True
    ss, se = ctx.sentence_of(m.start)
    if any(ss <= t.start < se and t.entry != "change" for t in ctx.matches("trigger")):
        return True  # "Launched an app with 8K+ installs": a launch's uptake; a build or a
        # change word alone ('Built and maintained 240+ repos, with 2.2K+ GitHub stars') launches
        # nothing, so the count is a running total
    # "212 daily active users within 6 weeks": growth over a period; an uptake form alone
    # ("The plugin has been downloaded over 164 000 times") is a running total, no change
    return _over_a_period(ctx, m.end, se)


_CONTENT_REACH = 12  # "Create engaging short-form video content for TikTok and Reels" is 11


def _content_uptake(ctx: UnitContext, q: Quantity) -> bool:
    """'Created video scripts and captions with thousands of organic views', 'Create engaging
    short-form video content for TikTok and Reels averaging 100K+ views': a count after an
    uptake link (`uptake-links`: with, averaging) in a clause where the writer makes content
    (`content-verbs`, then a `content-nouns` word before the link) is what the content won,
    an outcome. 'Boosted local brand authority with 120K+ monthly impressions': after a
    change word that opens the clause, the count is the change told. A count after a content
    noun the writer did not make ('Maintained a blog with 10K readers') stays a size."""
    lead = before_hedges(ctx, q.token_start)
    if ctx.lower(lead) not in ctx.word_list("uptake-links"):
        return False
    cs, _ = ctx.clause_of(q.token_start)
    content = False
    for k in range(lead - 1, max(cs, lead - 1 - _CONTENT_REACH) - 1, -1):
        low = ctx.lower(k)
        if low == "," or any(p.token_start <= k < p.token_end for p in ctx.quantities):
            return False  # "Delivered course to 60,249 students, with 24,330 registrations"
        if low in ctx.word_list("content-nouns"):
            content = True
        elif low in ctx.word_list("content-verbs"):
            return content
        elif ctx.at("change", k) is not None and _lead_position(ctx, k):
            return True
    return False


def _signed(q: Quantity | None) -> bool:
    """A count, amount or percentage written with its sign ('+15% page views', '+1.2M app
    downloads', '-$40K'): it reports a change (`_SIGNED_KINDS`)."""
    return q is not None and q.kind in _SIGNED_KINDS and bool(q.sign)


def _signed_before(ctx: UnitContext, m: MetricMention, q: Quantity | None) -> bool:
    """'+25% digital payment adoption': a signed figure before the metric, outside an aside in
    parentheses, reports the change a results line states with no verb."""
    return (
        q is not None
        and _signed(q)
        and q.token_start < m.start
        and not in_parentheses(ctx, q.token_start)
    )


def _grown_over_period(ctx: UnitContext, m: MetricMention) -> bool:
    """'500+ users within 48 hours', '95% adoption within 6 months': a figure before the
    metric with a period after it in its sentence reports growth, not a size."""
    q = m.quantity
    if q is None or q.token_start > m.start or _worked_on(ctx, q):
        return False  # "ran 15 training sessions in 2 weeks": the count is the work done
    return _over_a_period(ctx, m.end, ctx.sentence_of(m.start)[1])


_AT_REACH = 8  # "at 118% net retention and 96% gross retention" is 6 from 'at' to '96%'


def _held_at(ctx: UnitContext, q: Quantity) -> bool:
    """'a $4.2M book at 118% net retention and 96% gross retention over 4 quarters': a
    percentage after 'at' or a hold word ('maintaining near 100% retention'), or coordinated
    with one, with no change word between, is a level the work held, not growth over the
    period. Reads at most `_AT_REACH` tokens back."""
    if q.kind != "percent":
        return False
    cs, _ = ctx.clause_of(q.token_start)
    starts = ctx.memo.get("percent-starts")
    if starts is None:  # once per unit: asked for every metric of a long text
        starts = {f.token_start for f in ctx.quantities if f.kind == "percent"}
        ctx.memo["percent-starts"] = starts
    for k in range(q.token_start, max(cs, q.token_start - _AT_REACH) - 1, -1):
        if k in starts and ctx.lower(before_hedges(ctx, k)) == "at":
            return True
        if k in starts and ctx.at("hold", before_hedges(ctx, k)) is not None:
            return True  # "consistently maintaining near 100% retention": a level kept
        if ctx.at("change", k) is not None:
            return False
    return False


def _level_reached_over_period(ctx: UnitContext, m: MetricMention) -> bool:
    """Story only, in the Result: a percentage level reached in a sentence that opens on the
    period it took ('Within 6 months, we hit 58% retention'): the end of a change the work
    made, not a standing figure."""
    q = m.quantity
    if ctx.story is None or q is None or q.kind != "percent":
        return False
    if ctx.section_at(m.start) != "result":
        return False
    ss, _ = ctx.sentence_of(m.start)
    comma = next((k for k in range(ss, min(q.token_start, ss + 8)) if ctx.lower(k) == ","), None)
    return comma is not None and _over_a_period(ctx, ss, comma)


def _reached_within(ctx: UnitContext, m: MetricMention, change: Match) -> bool:
    """'Achieved ~75% user adoption within first 6 months': a verb of reaching a level
    (`reached-verbs`, not 'maintained' or 'sustained') with the period it took after the
    metric ('within', 'in') reports a rise to that level, a change, as the story form
    ('Within 6 months, we hit 58% retention') does. Bullets only: a story's Result has its
    own form (`_level_reached_over_period`)."""
    if ctx.story is not None or ctx.lower(change.start) not in ctx.word_list("reached-verbs"):
        return False
    _, se = ctx.sentence_of(m.start)
    frames, durations = _period_starts(ctx, "reached-within")
    return _any_between(frames, m.end, se) or _any_between(durations, m.end, se)


_PERIOD_OPENERS = {  # (words opening a time frame, words before a duration), by asker
    "reached-within": (("in", "within"), ("in", "within", "first")),
    "over-a-period": (
        ("in", "within", "over", "during", "after"),
        ("in", "within", "over", "first", "after"),
    ),
}


def _period_starts(ctx: UnitContext, name: str) -> tuple[list[int], list[int]]:
    """Once per unit, sorted: the first tokens of the time frames that open with one of the
    asker's words and of the durations after one (`_PERIOD_OPENERS`; `_reached_within` reads
    the word before a duration's hedges). Asked for every metric, a scan of the unit's frames
    and figures made a long text quadratic; a bisection is O(log n)."""
    key = f"period-starts:{name}"
    found = ctx.memo.get(key)
    if found is None:
        frame_words, duration_words = _PERIOD_OPENERS[name]
        frames = [t.start for t in ctx.matches("timeframe") if ctx.lower(t.start) in frame_words]
        if name == "reached-within":
            durations = [
                q.token_start
                for q in ctx.quantities
                if q.kind == "duration"
                and ctx.lower(before_hedges(ctx, q.token_start)) in duration_words
            ]
        else:
            durations = [
                q.token_start
                for q in ctx.quantities
                if q.kind == "duration" and ctx.lower(q.token_start - 1) in duration_words
            ]
        found = ctx.memo[key] = (sorted(frames), sorted(durations))
    return found


def _any_between(starts: list[int], lo: int, hi: int) -> bool:
    """True when a sorted list holds a value in lo..hi-1."""
    k = bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


def _over_a_period(ctx: UnitContext, lo: int, hi: int) -> bool:
    """A time frame or a duration after 'in'/'within' between tokens lo and hi ("within the
    first year"; "per month" is a rate, not a period). O(log n) (`_period_starts`)."""
    frames, durations = _period_starts(ctx, "over-a-period")
    return _any_between(frames, lo, hi) or _any_between(durations, lo, hi)


def _worked_on(ctx: UnitContext, q: Quantity) -> bool:
    """True when an action verb takes the count as its object ('reviewed 1,200 visitors',
    'trained 300 users'): the count is the work's scope, not its outcome."""
    k = q.token_start - 1
    while k >= 0 and ctx.lower(k) in ctx.word_list("scale-hedges"):
        k -= 1
    action = ctx.at("action", k) if k >= 0 else None
    if action is None or action.entry == "state-phrase":
        return False  # "resulting in 20,000 downloads", "leading to": an outcome, not work
    return ctx.at("change", k) is None


def _handled_people(ctx: UnitContext, q: Quantity) -> bool:
    """'Segmented 2M subscribers into 12 cohorts', 'Emailed 40K subscribers': a verb that
    handles people already there (`people-handling-verbs`) takes the count as its object,
    the scope of the work, not people won."""
    k = before_hedges(ctx, q.token_start)
    return k >= 0 and ctx.lower(k) in ctx.word_list("people-handling-verbs")


def _causal_named(ctx: UnitContext) -> bool:
    """A causal metric is named as a metric, not as a noun modifier ('sales operations effort',
    'revenue team' name no outcome), or a reach count per person or visit ('page views per
    session') measures engagement depth. A reach channel's churn (`causal-if-moved`) pairs
    only as a result the writer moved ('reducing unsubscribes by 20%'); held under a ceiling
    ('while unsubscribe rate stayed under 0.5%') it is the guardrail, and the reach figure
    still has no causal pair. A causal metric named as an aim ('to greatly expand organic
    traffic in order to drive user conversions') pairs nothing (dev15 dv15-275). A causal
    metric's score ('customer satisfaction scores') names it too."""
    if_moved = ctx.word_list("causal-if-moved")
    return (
        any(
            (m.head or ctx.lower(m.end) in ctx.word_list("score-nouns"))
            and not m.purpose
            and (m.entry not in if_moved or m.change is not None)
            for m in mentions(ctx, "causal")
        )
        or any(_depth_ratio(ctx, v) for v in mentions(ctx, "vanity"))
        or any(_engagement_moved(ctx, m) for m in mentions(ctx, "product"))
    )


def _engagement_moved(ctx: UnitContext, m: MetricMention) -> bool:
    """'increased engagement by 2x and social shares by 3x', 'Drove traffic & engagement':
    engagement itself (the singular noun, `engaged-nouns`) moved by the writer says people used
    the product beyond arriving, so a reach count beside it is paired (blind labellers of set9
    and metric_bullets read it so). Counted 'engagements', an 'engagement rate' at a level and
    'engagement metrics' (a modifier) pair nothing; nor does engagement on a social channel
    (`_social_channel`): there it counts likes and comments, reach by another name."""
    return (
        m.head
        and not m.modified
        and m.change is not None
        and ctx.lower(m.end - 1) in ctx.word_list("engaged-nouns")
        and ctx.lower(m.end) not in ctx.word_list("rate-nouns")
        and not _social_channel(ctx)
    )


def _social_channel(ctx: UnitContext) -> bool:
    """'Managed social media strategy, resulting in a 30% increase in engagement and a 20%
    growth in follower base': the unit names a social channel (`social-channel-words`, one
    word or two) or counts a social audience (`social-audience-entries`: followers, reach), so
    its 'engagement' is the likes and comments on posts, not engagement depth."""
    words = ctx.word_list("social-channel-words")
    n = len(ctx.doc)
    if any(
        ctx.listed(k, "social-channel-words")
        or (k + 1 < n and f"{ctx.lower(k)} {ctx.lower(k + 1)}" in words)
        for k in range(n)
    ):
        return True
    audience = ctx.word_list("social-audience-entries")
    return any(v.entry in audience for v in mentions(ctx, "vanity"))


def _depth_ratio(ctx: UnitContext, v: MetricMention) -> bool:
    """'page views per session', 'downloads per user', 'visits per visitor': a reach count
    divided by the people or visits it came from (`depth-denominators`) is engagement depth
    (RULES.md: 'sessions per user'), a causal measure, not reach ('views per day' is a rate of
    reach and stays vanity)."""
    return ctx.lower(v.end) == "per" and ctx.lower(v.end + 1) in ctx.word_list("depth-denominators")


_MEASURE_BACK = 4  # "throughput of east-west traffic" is 3 between 'of' and the metric


def _measure_of(ctx: UnitContext, v: MetricMention) -> bool:
    """'throughput of east-west traffic', 'the latency of page views': an efficiency or
    guardrail noun, then 'of' and the reach noun, measures how the system carried the reach,
    not the reach itself."""
    for k in range(v.start - 1, max(-1, v.start - 1 - _MEASURE_BACK), -1):
        if ctx.lower(k) == "of":
            return any(ctx.covered_by(c, k - 1, k) for c in ("efficiency", "guardrail"))
        if not (ctx.doc[k].is_alpha or ctx.lower(k) == "-"):
            return False
    return False


_SHARE_BACK = 3  # "the share of new mobile visitors" is 2 between 'of' and the metric


def _share_of(ctx: UnitContext, v: MetricMention) -> bool:
    """'the percentage of visitors who sign up', 'the share of users who invite a friend': a
    share noun (`share-nouns`) and 'of' before the reach noun make the measure a rate of those
    people, a conversion, not a count of them."""
    for k in range(v.start - 1, max(-1, v.start - 1 - _SHARE_BACK), -1):
        if ctx.lower(k) == "of":
            return ctx.lower(k - 1) in ctx.word_list("share-nouns")
        if not ctx.doc[k].is_alpha:
            return False
    return False


def _dative_values(ctx: UnitContext, v: MetricMention) -> bool:
    """'the catalogue shown to visitors from 5K to 12K products', 'integrations offered to
    subscribers from 10 to 45': reach people after 'to'/'for', then the values, are whom a
    thing was for; the values count that thing (as `_from_to_after` reads them), not people."""
    q = v.quantity
    return (
        q is not None
        and q.token_start > v.start
        and ctx.lower(v.start - 1) in ("to", "for")
        and ctx.lower(v.end) == "from"
    )


def _vanity_reported(ctx: UnitContext, require_no_causal: bool = True) -> MetricMention | None:
    """The first vanity figure reported as the outcome with no causal metric beside it (in a
    story: in its sentence or in the Result)."""
    if require_no_causal and ctx.story is None and _causal_named(ctx):
        return None
    for v in mentions(ctx, "vanity"):
        if require_no_causal and ctx.story is not None and _paired(ctx, "causal", v.start):
            continue
        if require_no_causal and ctx.story is not None and not _figure_in_sentence(ctx, v.start):
            continue  # a story's "Expanded user base", "rate for subscribers improved": no count
        if _in_scope(ctx, "vanity-metric", v.start) and _vanity_outcome(ctx, v):
            return v
    return None


def _figure_in_sentence(ctx: UnitContext, i: int) -> bool:
    """True when a measuring quantity sits in the sentence of token i. A story's vanity word
    with no figure beside it ("Growth: Expanded user base", "the success rate for new
    subscribers improved significantly") reports no raw count or growth of reach; an
    unmeasured Result is `result-unquantified`'s to name (the blind labellers of sealed6 leave
    both unfired)."""
    lo, hi = ctx.sentence_of(i)
    return any(lo <= q.token_start < hi for q in ctx.quantities)


@check("vanity-metric")
def vanity_metric(ctx: UnitContext) -> list[Hit]:
    """A vanity figure is the outcome and no causal metric sits beside it."""
    v = _vanity_reported(ctx)
    if v is None:
        g = _growth_figure(ctx)
        reach = ctx.word_list("reach-growth")
        if g is None or ctx.lower(g - 1) not in reach or _causal_named(ctx):
            return []
        s, e = ctx.chars(g - 1, g + 1)  # "200% user growth in 6 months"
        return [Hit(s, e, {"term": ctx.text[s:e], "entry": "users"})]
    s, e = ctx.chars(v.start, v.end)
    return [Hit(s, e, {"term": ctx.text[s:e], "entry": v.entry})]


def _adjective_compound(ctx: UnitContext, e: Match) -> bool:
    """'a 7% higher first-time sign-up rate', 'real-time bidding': an efficiency word glued by a
    hyphen to a word of `time-compound-words` is part of an adjective, no time measured."""
    k = e.start
    return (
        k >= 2
        and ctx.lower(k - 1) == "-"
        and not ctx.doc[k - 2].whitespace_
        and ctx.lower(k - 2) in ctx.word_list("time-compound-words")
    )


def _figured_move(ctx: UnitContext, m: MetricMention) -> bool:
    """The metric's sentence gives a move a figure: a relative change ('+110%', 'by 45%',
    'doubled') or a start-to-end pair ('from 1.1 → 7', 'from 2.6K to 2.7K')."""
    ss, se = ctx.sentence_of(m.start)
    if any(ss <= r.quantity.token_start < se for r in relative_figures(ctx)):
        return True
    return any(
        ss <= q.token_start < se and start_end_pair(ctx, q) for q in ctx.quantities_around(ss, se)
    )


def _hypothetical(ctx: UnitContext, m: MetricMention) -> bool:
    """A target or projection word just before the metric ("91% projected retention"), or
    just before the figure that opens its phrase ("targeting a 4% checkout conversion uplift":
    set83 hb83-195, session 37)."""
    words = ctx.word_list("hypothetical")
    if any(ctx.lower(k) in words for k in range(m.start - 3, m.start)):
        return True
    q = m.quantity
    return (
        q is not None
        and q.token_end <= m.start
        and any(ctx.lower(k) in words for k in range(q.token_start - 2, q.token_start))
    )


def _moved(ctx: UnitContext, m: MetricMention) -> bool:
    """True when the unit says a product or business metric was moved (not merely named)."""
    if m.modified or not m.head or m.purpose or m.framed or _migrated(ctx, m):
        return False  # framed: "as the customer base increased 400%" is context
    if _campaign_rate(ctx, m):
        return True  # "Implemented email marketing campaigns (25% open rate)": its result
    if m.entry in ctx.word_list("heading-entries") and ctx.lower(m.end) == ":":
        return False  # "Email campaign performance: 35% average open rate": a heading
    if _system_load(ctx, m):
        return False  # "Scaled backend users 1k -> 10k": the load a system carries
    if _department(ctx, m):
        return False  # "Drove alignment between Sales, Marketing, and Engineering": a team
    if _names_listed(ctx, m):
        return False  # "additional accounts (Breville, Annapurna, Heineken)": a client list
    if ctx.lower(m.end - 1) == "engagements" and ctx.lower(m.start - 1) in ctx.word_list(
        "service-engagement-modifiers"
    ):
        return False  # "scaled penetration testing engagements": projects for clients
    if ctx.lower(m.start - 1) in ctx.word_list("hiring-modifiers"):
        return False  # "improving offer acceptance rate to 85%": a hiring funnel's rate
    if ctx.lower(m.start - 1) in ctx.word_list("speed-modifiers"):
        return False  # "resulting in 35% faster signups": how fast, a time, not a count moved
    if _others_state(ctx, m):
        return False  # "Worked at Stone when it was a startup gaining market share"
    if _hypothetical(ctx, m):
        return False  # "91% projected retention" claims nothing moved
    if m.entry == "revenue":
        ss, se = ctx.sentence_of(m.start)
        if any(ctx.lower(k) in ctx.word_list("sales-performance") for k in range(ss, se)):
            return False  # "$300K revenue through consulting", "at 112% of quota": selling
    if _internal_scope(ctx, m):
        return False  # "drove adoption of TypeScript across 4 teams": a practice rolled out
    change, q = m.change, m.quantity
    sent_lo, sent_hi = ctx.sentence_of(m.start)
    if q is not None and not (sent_lo <= q.token_start < sent_hi):
        q = None  # "... solutions to Amazon Sellers. Up to ~85% reduction in ...": the next
        # sentence's figure is not this metric's
    if m.entry in ctx.word_list("relative-only-entries") and (
        q is None or q.kind not in ("percent", "multiplier")
    ):
        return False  # "grew the business from a solo founder to a 3-person team"
    if m.entry in ctx.word_list("figured-move-entries") and not _figured_move(ctx, m):
        return False  # "Improved rankings for SAP-related terms": no figure moved them
    if q is None and m.entry in ctx.word_list("counted-metric-entries"):
        return False  # "Accelerated expansion deals": deals with no count won are the work's
    cs, ce = ctx.clause_of(m.start)
    figure_here = any(cs <= f.token_start < ce for f in ctx.quantities)
    if _capability(ctx, m):
        return False  # "enhancing user interaction with image sequences": what users can do
    if _reached_level(ctx, m):
        return False  # "website experiences attracting 20K+ visitors": a total, no change
    if _output_rate(ctx, m):
        return False  # "platform generating $500K+ in annual sales": what it yields a year
    if _rate_level(ctx, m):
        return False  # "Drive over $1M in ad revenue monthly": the run rate of a duty
    if _aside_after_change(ctx, m):
        return False  # "drove 10+M MAU growth (20% of Canva's total users)": sizes the win
    if needs_change(m.entry, ctx.doc[m.start : m.end].text.lower()):
        if change is None:
            if built_of_count(ctx, m, q):
                return True  # "Built a client base of 100+ businesses": grown to that count
            if not _grown_over_period(ctx, m) and not _signed_before(ctx, m, q):
                return False  # "ran 15 training sessions"; but "95% adoption within 6 months"
        elif (
            ctx.lower(change.start) in _weak_changes(ctx)
            and not _grown_over_period(ctx, m)
            and not _level_reached_over_period(ctx, m)
        ):
            return False
        elif ctx.lower(change.start) in ("more", "fewer", "less", "higher") and q is None:
            return False  # "one consultant could cover many more patients"
        elif (
            q is None
            and ctx.lower(change.start) in ctx.word_list("reach-verbs")
            and not _figure_after_change(ctx, change)
        ):
            return False  # "blog posts that reached developers worldwide": no figure, no growth
            # ("daily clicks on the site reaching 2600" has its figure after the verb)
    if _enabled_to(ctx, m):
        return False  # "allowing more users to sign up with Google": a capability
    if _rollout_scope(ctx, m):
        return False  # "expanded the beta to 2,000 users": a rollout's scope
    if change is not None and not figure_here and _goal_form(ctx, change):
        return False  # "Increase engagement with the workflow": a goal, not a claim
    if change is not None and q is not None and in_parentheses(ctx, q.token_start):
        if (
            change.start < q.token_start
            and not in_parentheses(ctx, change.start)
            and not _values_in_parentheses(ctx, q)
            and not any(r.quantity.token_start < m.start for r in relative_figures(ctx))
        ):
            return False  # "delivered a PPC platform ($7MM ARR)": the figure sizes it
    if (
        change is not None
        and ctx.lower(change.start) in ctx.word_list("level-verbs")
        and not target_attained(ctx, m)  # "achieving 120% of user acquisition targets"
    ):
        between = [f for f in ctx.quantities if change.end <= f.token_start < m.start]
        for f in [q] if q is not None and not between else between:
            if f is not None and f.kind == "percent":
                if not any(r.quantity == f for r in relative_figures(ctx)) and not (
                    _level_reached_over_period(ctx, m) or _reached_within(ctx, m, change)
                ):
                    return False  # "achieving a 60%+ demo-to-pilot conversion rate": a level
    if (
        change is not None
        and ctx.lower(change.start) in _weak_changes(ctx)
        and not _change_noun_follows(ctx, m)  # "Delivered measurable conversion gains"
    ):
        if q is None or (q.token_start < change.start and not _money_in(ctx, q, m)):
            return False  # "got their leads to sign off", "saw purchases slipping"
    if change is not None and change.entry == "down":
        words = ctx.doc[m.start : m.end].text.lower()
        if not any(w in words for w in ctx.word_list("lower-is-better")):
            return False  # "clinic visits fell 31%", "eliminating raw data uploads": no win moved
    if change is not None:
        # the change word must aim at this metric, not at an efficiency one between them
        if any(
            change.end <= e.start < m.start and not _adjective_compound(ctx, e)
            for e in ctx.matches("efficiency")
        ):
            return False
        if m.scale and q is not None and q.token_start < change.start < m.start:
            return False  # "to handle a 300% increase in booking volume" is capacity
        if m.scale and q is not None and ctx.covered_by("scale", change.end, q.token_start):
            return False  # "increased capacity to 50,000 users": the change is to the size
        return not (q is not None and m.scale and change.start < q.token_start - 3)
    ss, se = ctx.sentence_of(m.start)
    trigger_here = any(ss <= t.start < se for t in ctx.matches("trigger")) or _launch_told(ctx, m)
    if trigger_here and (q is None or q.kind == "duration"):
        # "conversion in the test group was 3.6%, against 3.1% in control"
        q = adjacent_quantity(ctx, m.match, before=0, after=6)
        if q is not None and (
            any(ctx.lower(k) in ("and", ",", ";") for k in range(m.end, q.token_start))
            or q.token_start >= se
        ):
            q = None  # "for international clients and a collection rate of 90%": another's
    if q is None or scale_described(ctx, m.match, q) or forecast_figure(ctx, q):
        return False  # "expected to grow 30% after the pricing change": a forecast
    lead = before_hedges(ctx, q.token_start)
    connected = f"{ctx.lower(lead - 1)} {ctx.lower(lead)}" in ctx.word_list(
        "outcome-connectors"
    ) or _listed_after_connector(ctx, lead)
    scope = ctx.lower(lead) in ("to", "for", "across", "in")
    if (
        m.entry in ctx.word_list("gained-count-entries")
        and q.kind == "count"
        and q.token_start < m.start
        and (connected or not (scope or ctx.lower(lead) == "with"))
    ):
        return True  # "60+ new clients from launch", "contributed to 40,000 new customers":
        # won, a change; "dashboards for 5 new clients" names the work's scope
    if q.token_end == m.start and _worked_on(ctx, q):
        return False  # "transported 10-12 students daily": the count is what the work handled
    if (
        q.kind in ("count", "money")
        and (m.start - q.token_end > 0 or q.kind == "money")
        and m.start - q.token_end <= _CONNECTED_GAP
        and connected
        and ctx.lower(q.token_start - 1) not in ("a", "an", "the")
    ):
        return True  # "led to $100,000 in new revenue", "resulting in $12M revenue": the
        # figure is what the work led to ('resulting in 3 customers achieving VIP status'
        # counts people); "contributing to a $40M revenue run rate" names a level
    if q.kind in ("count", "money", "percent") and q.token_start < m.start and not scope:
        if _held_at(ctx, q):
            return False  # "a book at 118% net retention over 4 quarters": a level held
        _, se2 = ctx.sentence_of(m.start)
        if ctx.lower(m.end) == "impact" or _over_a_period(ctx, m.end, se2):
            return True  # "$310K new revenue in 6 months", "95% adoption within 6 months"
    signed = _signed(q)
    if signed and q.kind != "percent" and in_parentheses(ctx, q.token_start):
        signed = False  # "global accounts (+R$6mm/month)": an aside sizing them
    digit_multiplier = q.kind == "multiplier" and any(ch.isdigit() for ch in q.text)
    if (digit_multiplier or signed) and q.token_start > m.end and _figure_of_next(ctx, q):
        return False  # "accounts (+230% follower growth)": the figure is the followers'
    if digit_multiplier and ctx.lower(q.token_end) in ("/", "per", "a", "each", "every"):
        return False  # "services to clients 1x/month": how often, no change
    if digit_multiplier or signed:  # "a quarter for enterprise accounts" is no change
        return True  # "conversion ×1.4", "+6.8% orders per session"
    if (
        q.kind == "percent"
        and (0 <= m.start - q.token_end <= 1 or _labelled_value(ctx, m, q))
        and ctx.lower(m.end - 1) in ctx.word_list("rate-nouns")
    ):
        return False  # "campaign performance: 35% average open rate": a level, no change
        # ("Ad campaign conversion rate: ~2.55%" states the level after its label)
    return trigger_here and q.kind == "percent"


_SIGNED_KINDS = ("percent", "count", "money")  # "+15% page views", "+1.2M app downloads"
_LIST_REACH = 10  # tokens read back over a list for the connector that opens it


def _listed_after_connector(ctx: UnitContext, lead: int) -> bool:
    """'Resulted in retrieval of ~3M suppressed products and >€20M in annualized revenue': the
    figure is a later item of a list that an outcome connector (`outcome-connectors`) opens,
    so it too is what the work led to. Token `lead` is the word before the figure ('and', a
    comma, or a '>' after one); read back at most `_LIST_REACH` tokens in the sentence, over no
    action, change or launch word (which would open a clause of its own)."""
    if ctx.lower(lead) in (">", "<", "≥", "~"):
        lead -= 1
    if ctx.lower(lead) not in ("and", ","):
        return False
    ss, _ = ctx.sentence_of(lead)
    connectors = ctx.word_list("outcome-connectors")
    for k in range(lead - 1, max(ss + 1, lead - _LIST_REACH) - 1, -1):
        if any(ctx.at(c, k) is not None for c in ("action", "change", "trigger")):
            return False
        if f"{ctx.lower(k - 1)} {ctx.lower(k)}" in connectors:
            return True
    return False


_NAME_LIST_REACH = 16  # "(Philips, Godrej, Bajaj, Luminous, Whirlpool, Hindware, Kohler)" is 15


def _names_listed(ctx: UnitContext, m: MetricMention) -> bool:
    """'for Hyundai, Kia, Genesis, and additional accounts (Breville, Annapurna, Heineken)': a
    parenthesis right after the metric that lists capitalised names (commas between them,
    and no figure) names whom the work served; the metric names clients, not a count moved.
    A name alone is the metric's own short or long form ('marketing-qualified leads (MQLs)',
    'MAU (Monthly Active Users)')."""
    if ctx.lower(m.end) != "(" or m.quantity is not None or not _after_named_scope(ctx, m):
        return False
    commas = 0
    for k in range(m.end + 1, min(len(ctx.doc), m.end + 1 + _NAME_LIST_REACH)):
        tok = ctx.doc[k]
        if tok.text == ")":
            return commas > 0
        if tok.like_num or any(q.token_start <= k < q.token_end for q in ctx.quantities):
            return False
        if tok.is_alpha and not tok.text[:1].isupper() and tok.lower_ not in ("and", "&"):
            return False
        commas += tok.text == ","
    return False


def _after_named_scope(ctx: UnitContext, m: MetricMention) -> bool:
    """'for Hyundai, Kia, Genesis, and additional accounts': the metric closes a list of
    capitalised names that a scope preposition (`scope-preps`) opens ('Won additional
    accounts (Acme, Globex, Initech)' is a win, no list of whom the work served)."""
    lo = max(0, m.start - _NAME_LIST_REACH)
    for k in range(m.start - 1, lo - 1, -1):
        tok = ctx.doc[k]
        if tok.lower_ in ctx.word_list("scope-preps"):
            return k < m.start - 2
        named = tok.text[:1].isupper() and tok.is_alpha
        if not (named or tok.text == "," or tok.lower_ == "and" or ctx.at("change", k)):
            return False
    return False


def _campaign_rate(ctx: UnitContext, m: MetricMention) -> bool:
    """'Implemented email marketing campaigns (25% open rate)', 'Developed content for email
    campaigns that achieved a 35% open rate', 'Designed email newsletters ... with 28% open
    rate': a response rate (`campaign-rate-entries`) at a level right after its percent, in a
    sentence that opens with the writer's action verb and names the campaign it measures
    (`campaign-nouns`), is that campaign's result, a product metric moved. A line of labelled
    levels ('Email campaign performance: 35% average open rate') opens with no action and
    stays a level (the blind labellers of set9, set13 and dev14 read both so)."""
    if m.entry not in ctx.word_list("campaign-rate-entries"):
        return False
    if ctx.lower(m.end - 1) not in ctx.word_list("rate-nouns"):
        return False
    q = next((f for f in ctx.quantities if 0 <= m.start - f.token_end <= 1), None)
    if q is None or q.kind != "percent":
        return False
    ss, _ = ctx.sentence_of(m.start)
    nouns = ctx.word_list("campaign-nouns")
    if not ctx.at("action", ss) or ctx.lower(ss) in nouns:
        return False  # "Campaign performance: 40% ...": the noun, not the verb 'campaign'
    return any(ctx.lower(k) in nouns for k in range(ss, q.token_start))


_CONNECTED_GAP = 3  # "led to $100,000 in new revenue": 'in new' lies between figure and metric


def _figure_of_next(ctx: UnitContext, q: Quantity) -> bool:
    """'Managed social media accounts (+230% follower growth)': a figure after the metric
    with another metric right after it measures that one."""
    return any(ctx.covered_by(c, q.token_end, q.token_end + 1) for c in METRIC_CATEGORIES)


_STATE_BACK = 12  # "when it was a startup scaling and gaining market share" is 9


def _department(ctx: UnitContext, m: MetricMention) -> bool:
    """'Drove alignment between Sales, Marketing, and Engineering', 'Product & Sales': a
    one-word metric, title-cased inside the sentence, joined by a comma, 'and', '&' or '/' to
    a title-cased business function (`function-names`) names a department, not a metric."""
    if m.end - m.start != 1 or not ctx.doc[m.start].is_title:
        return False
    if ctx.sentence_of(m.start)[0] == m.start:
        return False  # "Sales grew 40%": a sentence's first word is title-cased anyway
    functions = ctx.word_list("function-names")
    joins = (",", "and", "&", "/")
    for k in (m.start - 2, m.end + 1):
        between = m.start - 1 if k < m.start else m.end
        if ctx.lower(between) in joins and 0 <= k < len(ctx.doc):
            if ctx.doc[k].is_title and ctx.lower(k) in functions:
                return True
    return False


def _others_state(ctx: UnitContext, m: MetricMention) -> bool:
    """'Worked at Stone when it was a startup scaling and gaining market share', 'joined as
    the company was growing revenue 3x': a subordinator (`subordinators`) whose subject, no
    first-person word, takes 'was'/'were' (`state-be`) frames what someone else's business was
    doing, not a change the writer made."""
    cs, _ = ctx.clause_of(m.start)
    subs, be = ctx.word_list("subordinators"), ctx.word_list("state-be")
    for k in range(max(cs, m.start - _STATE_BACK), m.start):
        if ctx.lower(k) not in subs:
            continue
        for j in range(k + 2, min(k + 4, m.start)):
            if ctx.lower(j) in be:
                return not any(ctx.lower(i) in ("i", "we") for i in range(k + 1, j))
    return False


def _launch_told(ctx: UnitContext, m: MetricMention) -> bool:
    """In a labelled story, a metric in the Result when the Action tells the launch, test or
    rollout ("Action: I launched a shorter sign-up form. Result: Activation went from 20% to
    31%"): the Result reports what the launch moved, as a bullet does in one sentence. In
    unlabelled prose the writer has not said which sentences are the Action and the Result
    (a later effect of someone else's decision is no result of the launch), so it is not
    read so."""
    if ctx.story is None or ctx.section_at(m.start) != "result":
        return False
    from starkit.story.segment import labelled_sentences

    if labelled_sentences(ctx.text, "result") is None:
        return False
    return any(ctx.section_at(t.start) == "action" for t in ctx.matches("trigger"))


def _capability(ctx: UnitContext, m: MetricMention) -> bool:
    """'enhancing user interaction with multi-frame image sequences', 'enhancing user
    interaction and experience': an interaction noun with no figure after its change word in
    the clause names what users can do with a feature, not a metric the work moved ('tripled
    interactions', 'increased social interaction by 20%' and '25% increase in core feature
    interactions', whose figure fronts the change noun, still move one)."""
    if ctx.lower(m.end - 1) not in ctx.word_list("capability-nouns"):
        return False
    lo = m.change.start if m.change is not None else m.start
    _, ce = ctx.clause_of(m.start)
    return not any(lo <= q.token_start < ce or q.token_end == lo for q in ctx.quantities)


def _money_in(ctx: UnitContext, q: Quantity, m: MetricMention) -> bool:
    """'$1,500+ in revenue added', '$2M in new sales won': a sum of money counted in the metric
    is its gain, whatever verb follows."""
    if q.kind != "money" or ctx.lower(q.token_end) != "in":
        return False
    return all(ctx.doc[k].is_alpha for k in range(q.token_end + 1, m.start)) and (
        m.start - q.token_end <= 3
    )


_SCOPE_AHEAD = 10  # "adoption of DataDog and PagerDuty for monitoring and alerting across" is 9
_SCOPE_PREPS = ("across", "among", "by", "within", "throughout", "in")


def _internal_scope(ctx: UnitContext, m: MetricMention) -> bool:
    """'drove adoption of TypeScript across 4 teams', 'participation among engineers': a
    non-causal metric spread inside the writer's organisation is a practice rolled out, not a
    product metric moved."""
    if ctx.covered_by("causal", m.start, m.end):
        return False  # "grew sales across 3 departments' accounts" still moves revenue
    _, ce = ctx.clause_of(m.start)
    scope = ctx.word_list("internal-scope-nouns")
    if _colleague_uptake(ctx, m):
        return True  # "templates adopted by 50+ members": colleagues took up a practice
    hi = min(ce, m.end + _SCOPE_AHEAD)
    for k in range(m.end, hi):
        if ctx.lower(k) == "by" and k - 1 >= m.end and ctx.lower(k - 1).endswith("ed"):
            return False  # "market share of product lines distributed by the company": the
            # agent of a passive participle, not where the metric spread
        if ctx.lower(k) in _SCOPE_PREPS:
            return any(ctx.lower(j) in scope for j in range(k + 1, min(hi + 3, k + 5)))
    return False


def _colleague_uptake(ctx: UnitContext, m: MetricMention) -> bool:
    """'adopted by 50+ members', 'used by 12 teams': the metric's noun is the writer's own
    organisation counted after 'by', so its figure counts colleagues who took up a practice."""
    q = m.quantity
    return (
        q is not None
        and q.token_end == m.start
        and ctx.lower(m.start) in ctx.word_list("internal-scope-nouns")
        and ctx.lower(before_hedges(ctx, q.token_start)) == "by"
    )


def _values_in_parentheses(ctx: UnitContext, q: Quantity) -> bool:
    """'(22% → 41%)', '(4 min -> 8 min)': the parenthesised figure is the start or end value of
    the change it stands beside, not a size."""
    arrows = ("→", "->", "to")
    return ctx.lower(q.token_end) in arrows or ctx.lower(q.token_start - 1) in arrows


def _growth_figure(ctx: UnitContext) -> int | None:
    """'200% user growth in 6 months', '300%+ YoY growth': a figure of growth with no metric
    named is business growth the writer reports. The token index of 'growth', or None."""
    for q in ctx.quantities:
        if q.kind not in ("percent", "multiplier"):
            continue
        if not _in_scope(ctx, "missing-guardrail", q.token_start):
            continue
        if _restates_change(ctx, q):
            continue  # "from 20M to 80M users (4x growth)": the change told before it
        if ctx.lower(before_hedges(ctx, q.token_start)) in ctx.word_list("story-finding-verbs"):
            continue  # "Identified 137% YoY revenue growth and ... demand spikes": found
        k, words = q.token_end, 0
        while k < len(ctx.doc) and words < _GROWTH_LEAD_WORDS:
            if ctx.lower(k) == "growth":
                if _growth_planned_or_other(ctx, q, k):
                    break
                return k
            frame = ctx.at("timeframe", k)
            if not (
                frame
                or ctx.covered_by("vanity", k, k + 1)
                or ctx.lower(k) in ctx.word_list("growth-of")
                or (ctx.doc[k].is_title and ctx.lower(k + 1) in ctx.word_list("growth-of"))
            ):
                break  # "40% growth in test coverage" names its own metric
            if frame is None or frame.start == k:
                words += 1  # a time frame counts once, however many tokens it takes
            k += 1
    return None


_GROWTH_LEAD_WORDS = 3  # "300% YoY user growth": a time frame (one however many tokens) and
# up to two more words between the figure and 'growth' ("25% year-over-year growth")


_SHARE_OF_REACH = 4  # "30% of new customer acquisition", "~20% of new user revenue"


def _share_won(ctx: UnitContext) -> Match | None:
    """'partnerships driving 30% of new customer acquisition', 'generated ~20% of new user
    revenue': a percentage after a verb of winning (`share-won-verbs`), then 'of' and a
    product metric, is the share of that metric the writer's work brought in, a product
    metric moved. A segment as the verb's subject ('top 20% of customers driving 65% of
    revenue', `share-segment-nouns`) reports an analysis, not a win."""
    verbs = ctx.word_list("share-won-verbs")
    segments = ctx.word_list("share-segment-nouns")
    for q in ctx.quantities:
        if q.kind != "percent" or ctx.lower(q.token_end) != "of":
            continue
        if not _in_scope(ctx, "missing-guardrail", q.token_start):
            continue
        lead = before_hedges(ctx, q.token_start)
        if ctx.lower(lead) == "for":
            lead -= 1  # "accounting for 40% of sales"
        if ctx.lower(lead) not in verbs or ctx.lower(lead - 1) in segments:
            continue
        _, ce = ctx.clause_of(q.token_start)
        for k in range(q.token_end + 1, min(ce, q.token_end + 1 + _SHARE_OF_REACH)):
            m = ctx.at("product", k)
            if m is not None:
                return m
    return None


def _money_won(ctx: UnitContext) -> Quantity | None:
    """'Launched successful product line generating $15M in first year': an amount of money
    right after a verb of earning (`money-won-verbs`), with nothing after it in its clause
    but a time frame, is revenue the work brought in, a business metric moved, though no
    metric word names it. A noun after it names what the money is ('generated $2M in
    savings' is a cost), and a rate period ('generating over $6M annually', '$1,500 a month')
    makes it what a thing yields, a level."""
    verbs = ctx.word_list("money-won-verbs")
    for q in ctx.quantities:
        if q.kind != "money" or not _in_scope(ctx, "missing-guardrail", q.token_start):
            continue
        if ctx.story is None and _revenue_headline(ctx, q):
            return q  # "$300K+ expansion revenue: connected usage signal to account strategy"
        if ctx.lower(before_hedges(ctx, q.token_start)) not in verbs and not _growth_of(ctx, q):
            continue
        _, ce = ctx.clause_of(q.token_start)
        k = q.token_end
        if k >= ce or not ctx.doc[k].is_alpha:
            return q  # "... generating $15M." or "... generating $15M, ..."
        if ctx.lower(k) in ("in", "during") and any(
            y.token_start == k + 1 and y.kind == "year" for y in ctx.numbers
        ):
            return q  # "... growth of $2M in 2014"
        t = ctx.at("timeframe", k)
        if t is None or t.start != k or t.entry not in ("period", "period-over-period"):
            continue
        words = [ctx.lower(j) for j in range(t.start, t.end)]
        if words[0] in ("per", "a", "every") or any(
            w in ctx.word_list("rate-periods") for w in words
        ):
            continue
        return q
    return None


_HEADLINE_MODIFIERS = 2  # "$300K+ expansion revenue:", "$1.2M new annual revenue:"


def _revenue_headline(ctx: UnitContext, q: Quantity) -> bool:
    """'$300K+ expansion revenue: connected usage signal ...': an amount that opens the line,
    a revenue word a few modifiers on and a colon make a headline of revenue the work brought
    in; what follows the colon is how."""
    if q.token_start > 2 or ":" not in ctx.lower_set:
        return False  # the amount opens the line ("• $300K"), a colon follows: most lines fail
    if any(ctx.doc[k].is_alpha for k in range(q.token_start)):
        return False
    for k in range(q.token_end, min(len(ctx.doc), q.token_end + _HEADLINE_MODIFIERS + 1)):
        rev = ctx.at("product", k)
        if rev is not None and rev.entry == "revenue":
            return ctx.lower(rev.end) == ":"
        if not ctx.doc[k].is_alpha:
            return False
    return False


def _growth_of(ctx: UnitContext, q: Quantity) -> bool:
    """'drove incremental growth of $2M in 2014': an amount after a growth noun
    (`money-growth-nouns`) and 'of', with no metric word before the noun, is business won."""
    lead = before_hedges(ctx, q.token_start)
    noun = lead - 1
    if ctx.lower(lead) != "of" or ctx.lower(noun) not in ctx.word_list("money-growth-nouns"):
        return False
    before = noun - 1  # "a budget increase of $2M" names what grew; "incremental growth" not
    return ctx.lower(before) in ("a", "an", "the", "of") or ctx.at("change", before) is not None


def _restates_change(ctx: UnitContext, q: Quantity) -> bool:
    """'Scaled the search backend from 20M to 80M users (4x growth)': a growth figure in a
    parenthesis after a from-to pair in its clause restates that change, which the metric
    checks have judged (here a system's load), so it is no business growth of its own."""
    if ctx.lower(q.token_start - 1) != "(":
        return False
    cs, _ = ctx.clause_of(q.token_start)
    return any(
        cs <= f.token_start < q.token_start
        and (" to " in f.text.lower() or ctx.lower(f.token_start - 1) in ("from", "to"))
        and any(ctx.covered_by(c, f.token_end, f.token_end + 1) for c in METRIC_CATEGORIES)
        for f in ctx.quantities
    )


def _growth_planned_or_other(ctx: UnitContext, q: Quantity, k: int) -> bool:
    """'Re-architected the forum for 10x growth', 'to handle 3x growth': growth a system was
    built for (led by 'for' or a scale word), its capacity, not growth reported. '10x growth
    in live stream concurrency': 'growth in/of' a noun that is no time frame, figure or
    metric of the lexicon names another measure ('300% growth in 6 months' stays growth)."""
    lead = before_hedges(ctx, q.token_start)
    if ctx.lower(lead) == "for" or ctx.at("scale", lead) is not None:
        return True
    if ctx.lower(k + 1) not in ("in", "of"):
        return False
    j = k + 2
    if ctx.at("timeframe", k + 1) or ctx.at("timeframe", j):
        return False
    here = numbers_at(ctx, j)
    if any(f.measure for f in here):
        return False  # "growth in 6 months"
    if any(f.kind in ("year", "date") for f in here):
        return False  # "45% division growth in 2014": a year is a time frame
    if ctx.lower(j) in ctx.word_list("determiners") or ctx.lower(j) in ("just", "only", "under"):
        return False  # "growth in the first year", "in just one quarter"
    return not any(ctx.covered_by(c, j, j + 1) for c in METRIC_CATEGORIES)


def _labelled_value(ctx: UnitContext, m: MetricMention, q: Quantity) -> bool:
    """'Ad campaign conversion rate: ~2.55%': the figure right after the metric and a colon."""
    return _figure_after_label(ctx, m.end) is q


def _figure_after_label(ctx: UnitContext, end: int) -> Quantity | None:
    """The figure right after a label ending at token `end` and its colon ('conversion lift:
    ~43%'), if any."""
    if ctx.lower(end) != ":":
        return None
    return next((q for q in ctx.quantities if q.token_start == end + 1), None)


def _change_noun_follows(ctx: UnitContext, m: MetricMention) -> bool:
    """'conversion gains', 'revenue growth': a change noun right after the metric names its
    move, whatever weak verb ('delivered', 'saw') stands before it."""
    return ctx.lower(m.end) in forms()[4] and ctx.at("change", m.end) is not None


def _goal_form(ctx: UnitContext, change: Match) -> bool:
    """True when the change word is a base or present form ('increase', 'grow', 'grows'): with
    no figure, the clause states a goal or a job description, not a result."""
    word = ctx.lower(change.start)
    if (
        ctx.lower(change.end) in ("in", "of")
        or ctx.lower(change.end - 1) in ("in", "of")  # the match "increase in" itself
        or ctx.lower(change.start - 1) in ("a", "an", "the")
    ):
        return False  # "a considerable increase in conversion": a noun, a reported change
    if _figure_after_label(ctx, change.end) is not None:
        return False  # "Relative conversion lift: ~43%": a label and its figure
    if word not in ctx.word_list("goal-forms"):
        return False
    before = change.start - 2 if ctx.lower(change.start - 1) == "to" else change.start - 1
    if ctx.lower(before) in ctx.word_list("past-help-verbs"):
        return False  # "helped increase revenue", "helped to grow sign-ups": a change reported
    # "Drove a considerable increase": a past-tense verb earlier in the clause carries it
    cs, _ = ctx.clause_of(change.start)
    # ... but not a particle or comparative ("Set up metrics ... that improve activation")
    not_verbs = ctx.word_list("goal-forms") | ctx.word_list("change-particles")
    return not any(
        c.start < change.start and ctx.lower(c.start) not in not_verbs
        for c in ctx.matches("change")
        if c.start >= cs
    )


def _moved_product_metric(ctx: UnitContext) -> MetricMention | None:
    """The first product or business metric the unit says was moved (in a story: in the
    Action or Result)."""
    return next(
        (
            m
            for m in mentions(ctx, "product")
            if _in_scope(ctx, "missing-guardrail", m.start)
            and _moved(ctx, m)
            and not _quoted_in_story(ctx, m.start, m.end)
            and not _benchmarked_level(ctx, m)
        ),
        None,
    )


_BENCHMARK_REACH = 4  # "vs. industry average" is 2 after 'vs'; "compared with the sector's median"


def _benchmarked_level(ctx: UnitContext, m: MetricMention) -> bool:
    """Story only: a metric given with no change word, in a sentence that sets its figure
    against a benchmark ('Feature Adoption: 95% of built features are actively used (vs.
    industry average of 50%)'), reports a level that beats a norm, not a change the work
    made."""
    if ctx.story is None or m.change is not None:
        return False
    ss, se = ctx.sentence_of(m.start)
    cache = ctx.annotations.setdefault("benchmarked-sentences", {})
    if (ss, se) not in cache:  # each sentence is read once
        marks = ctx.word_list("compared-to")
        norms = ctx.word_list("story-benchmark-nouns")
        cache[ss, se] = any(
            ctx.lower(k) in marks
            and any(ctx.lower(j) in norms for j in range(k + 1, min(se, k + 1 + _BENCHMARK_REACH)))
            for k in range(ss, se)
        )
    return cache[ss, se]


def _quoted_in_story(ctx: UnitContext, start: int, end: int) -> bool:
    """Story only: tokens start..end sit in a quoted passage that closes after them (what
    someone said or a chart's caption: "'Larger bubbles = higher sales'"): reported words, no
    outcome of the candidate's."""
    if ctx.story is None:
        return False
    s, e = ctx.chars(start, end)
    if not ctx.in_quotes(s):
        return False
    if ctx.quote_closes_after(e):
        return True
    line_end = ctx.text.find("\n", e, e + _QUOTE_REACH)
    rest = ctx.text[e : line_end if line_end >= 0 else e + _QUOTE_REACH]
    return _CLOSING_AFTER_STOP.search(rest) is not None  # "... = higher sales.'"


_QUOTE_REACH = 300  # a caption or remark closes within a few sentences
_CLOSING_AFTER_STOP = re.compile(r"[.!?,]['’](?=\s|$|[)\]])")


def _paired(ctx: UnitContext, category: str, i: int) -> bool:
    """In a story: a match of `category` in the sentence of token i or in the Result."""
    lo, hi = ctx.sentence_of(i)
    return any(
        lo <= m.start < hi or ctx.section_at(m.start) == "result" for m in ctx.matches(category)
    )


_HELD_LEVELS = ("percent", "ratio", "rate")  # the level a held measure was kept at


def _near_metric(ctx: UnitContext, g: Match, window: int = 4, at_level: bool = False) -> bool:
    """A metric within `window` tokens of a one-word hold term, in its sentence, with no
    punctuation or change word between ('retention held', 'monitoring churn'); the rate or score
    it was held at may stand between ('maintained a 95% customer retention rate'; a count does
    not: 'maintained 30 client accounts'). With `at_level`, that level must stand there.
    'air monitoring platform—driving adoption' and 'consumption monitoring. Revenue' hold
    nothing."""
    ss, se = ctx.sentence_of(g.start)
    for cat in METRIC_CATEGORIES:
        for m in ctx.matches(cat):
            if not (g.start - window <= m.end and m.start <= g.end + window):
                continue
            if not (ss <= m.start < se):
                continue
            lo, hi = (m.end, g.start) if m.end <= g.start else (g.end, m.start)
            if any(ctx.at("change", k) for k in range(lo, hi)):
                continue
            words = all(ctx.doc[k].is_alpha for k in range(lo, hi))
            if words and not at_level:
                return True
            level = {
                k
                for q in ctx.quantities_around(lo, hi)
                if q.kind in _HELD_LEVELS
                for k in range(q.token_start, q.token_end)
            }
            if level and all(ctx.doc[k].is_alpha or k in level for k in range(lo, hi)):
                return True
    return False


def _guardrail_mention(ctx: UnitContext, g: Match) -> MetricMention | None:
    """The annotated mention of guardrail term `g` (its change, direction, purpose)."""
    return next((m for m in mentions(ctx, "guardrail") if m.start == g.start), None)


def _second_win(ctx: UnitContext, g: Match, moved: int | None) -> bool:
    """'improving engagement 45% and reducing bounce rate 30%', 'reducing bounce rates by 33%
    and increasing session durations by 20%': a guardrail-type metric that was itself moved,
    with its own figure, in the sentence of the moved metric (token `moved`), before it or
    after it, is a second result, not a guardrail ('while' between them holds it). A metric cut
    alone (`sole-win-guardrails`: 'Reduced customer churn by 25%') is the moved metric itself,
    not its own guardrail."""
    if moved == g.start and g.entry in ctx.word_list("sole-win-guardrails"):
        return True
    if g.entry not in ctx.word_list("second-win-guardrails") and not (
        moved == g.start and g.entry in _story_goal_guardrails(ctx)
    ):
        return False  # cost, churn, quality named anywhere is a guardrail
    if moved is None or ctx.sentence_of(moved) != ctx.sentence_of(g.start):
        return False
    if any(ctx.lower(k) == "while" for k in range(min(moved, g.start), max(moved, g.start))):
        return False  # "... while reducing bounce rate 30%", "Cut bounce 20% while growing ..."
    mention = _guardrail_mention(ctx, g)
    if mention is None or mention.change is None or mention.change.start > g.start:
        return False
    if ctx.at("hold", mention.change.start) or ctx.at("hold", mention.change.start - 1):
        return False  # "while reducing churn 5%" holds it
    q = adjacent_quantity(ctx, mention.match, before=0, after=3)
    between = any(mention.change.end <= f.token_start < g.start for f in ctx.quantities)
    # "a 16% decrease in bounce rate": the figure stands before the change noun
    noun_form = any(f.token_end == mention.change.start for f in ctx.quantities)
    return q is not None or between or noun_form


def _raised_win(ctx: UnitContext, g: Match) -> bool:
    """'Improved Play Store rating from 2.3 to 4.0, Day-0 engagement by 25%': a quality signal
    (`raised-wins`) the writer raised is one more win, not the counter-metric held beside the
    moved one ('1M+ downloads and a 4.8/5 rating' holds it)."""
    if g.entry not in ctx.word_list("raised-wins"):
        return False
    mention = _guardrail_mention(ctx, g)
    if mention is None or mention.change is None or mention.direction != "up":
        return False
    return ctx.lower(mention.change.start) not in ctx.word_list("level-verbs")  # "achieving"


def _graded(ctx: UnitContext, g: Match) -> bool:
    """'high-quality blog production', 'top-quality content': a grade word glued before the
    guardrail term makes it an adjective of the work, not a counter-metric; so does a bare
    'quality' before the thing offered ('sales through quality food and service')."""
    if (
        g.end - g.start == 1
        and ctx.lower(g.start) == "quality"
        and ctx.lower(g.end) in ctx.word_list("graded-nouns")
        and not (g.start > 0 and (numbers_at(ctx, g.start - 1) or ctx.doc[g.start - 1].like_num))
    ):
        return True  # but "Produced 100% quality products": a quality figure
    return (
        ctx.lower(g.start - 1) == "-"
        and ctx.lower(g.start - 2) in ctx.word_list("grade-prefixes")
        and not ctx.doc[g.start - 2].whitespace_
    )


def _names_artefact(ctx: UnitContext, g: Match) -> bool:
    """'Built seller rating and review system', 'a churn model': a guardrail-type word right
    before a built thing (`built-artefact-nouns`), or before 'and' and one more word and
    one, says what the thing is about; it names no counter-metric. Reads at most 3 tokens."""
    artefacts = ctx.word_list("built-artefact-nouns")
    if ctx.lower(g.end) in artefacts:
        return True
    if ctx.lower(g.end) == "of" and ctx.lower(g.end + 1) in ctx.word_list("idiom-objects"):
        return True  # 'quality of life': an idiom, no counter-metric
    return (
        ctx.lower(g.end) == "and"
        and ctx.lower(g.end + 1).isalpha()
        and ctx.lower(g.end + 2) in artefacts
    )


def _names_guardrail(ctx: UnitContext, moved: int | None = None) -> bool:
    """A guardrail or hold phrase is named (in a story: in the Result, or in the sentence of
    the moved metric at token `moved`). A one-word hold term ('held', 'steady',
    'monitoring') counts only beside a metric: 'held a workshop' names no guardrail,
    'retention held' does."""
    if ctx.story is not None and _counter_figure_in_result(ctx):
        return True
    if _trade_off_named(ctx):
        return True
    if _money_saved(ctx):
        return True  # "saved $15k/month and increased trial starts 4x": a cost named beside
    near = ctx.sentence_of(moved) if ctx.story is not None and moved is not None else None
    for cat in ("guardrail", "hold"):
        for g in ctx.matches(cat):
            if ctx.story is not None and ctx.section_at(g.start) != "result":
                inside = near is not None and near[0] <= g.start < near[1]
                if not inside and not _watched_in_story(ctx, g, cat):
                    continue
            if cat == "hold" and g.end - g.start == 1 and not _near_metric(ctx, g):
                continue
            if g.entry == "held-at-level" and not _near_metric(ctx, g, at_level=True):
                continue
            if cat == "hold" and g.end - g.start == 1 and ctx.at("change", g.end) is not None:
                continue  # "into sustained growth", "steady increase": a change kept up, no hold
            if cat == "guardrail" and (
                _inside_longer_metric(ctx, g)
                or _second_win(ctx, g, moved)
                or _graded(ctx, g)
                or _raised_win(ctx, g)
                or _aimed_raise(ctx, g)
                or _names_artefact(ctx, g)
                or _studied(ctx, g)
            ):
                continue
            return True
    return False


_STUDIED_REACH = 3  # "analyzed customer churn data": the verb at most 3 words before


def _studied(ctx: UnitContext, g: Match) -> bool:
    """'analyzed churn data to define scope, ... achieving 40% feature adoption': a
    guardrail-type word that a verb of studying a record (`input-analysis-verbs`) takes as
    object, with only words between, is what the work read, not a counter-metric watched."""
    verbs = ctx.word_list("input-analysis-verbs")
    for k in range(g.start - 1, max(-1, g.start - _STUDIED_REACH - 1), -1):
        if ctx.lower(k) in verbs:
            return True
        if not ctx.doc[k].is_alpha:
            return False
    return False


_AIM_REACH = 4  # "improve the model's accuracy": 'improve' is 4 tokens before 'accuracy'


def _aimed_raise(ctx: UnitContext, g: Match) -> bool:
    """'increased business revenue by 20% by identifying methodologies to select features and
    improve the model's accuracy': a guardrail-type measure the writer set out to raise (a
    purpose clause, a change upward) is a means to the win, not a counter-metric held beside
    it (set65 hb65-176). Read only when a change word stands a few words before the measure:
    the mentions are worked out then, not for every guardrail term."""
    if not any(ctx.at("change", k) for k in range(max(0, g.start - _AIM_REACH), g.start)):
        return False
    mention = _guardrail_mention(ctx, g)
    return (
        mention is not None
        and mention.purpose
        and mention.change is not None
        and mention.direction == "up"
    )


_SAVED_REACH = 4  # "saving merchants $1.4M", "saved the company $20K": the amount a few on


def _money_saved(ctx: UnitContext) -> bool:
    """'the company saved $15k/month', 'saving merchants $1.4M': a verb of saving
    (`saving-verbs`) with an amount of money a few words on names a cost, the guardrail-type
    measure RULES.md lists, beside the metric the work moved."""
    verbs = ctx.word_list("saving-verbs")
    if ctx.lower_set.isdisjoint(verbs):
        return False
    return any(
        ctx.lower(k) in verbs
        for q in ctx.quantities
        if q.kind == "money"
        for k in range(max(0, q.token_start - _SAVED_REACH), q.token_start)
    )


def _inside_longer_metric(ctx: UnitContext, g: Match) -> bool:
    """A guardrail term inside a longer product metric's name is that metric, not a guardrail
    ('a 2% improvement in the sign-up success rate': conversion moved, no success rate of a
    system watched; 'brand recall'). A causal name around one ('gross margin', 'churn rate',
    'app rating') is guardrail-type itself, so only product names are read."""
    for m in ctx.matches_starting("product", max(0, g.start - 4), g.start + 1):
        if m.start <= g.start and m.end >= g.end and m.end - m.start > g.end - g.start:
            return True
    return False


_TRADE_REACH = 4  # "trading long-term new-user retention for": the metric a few words on


def _metric_within(ctx: UnitContext, lo: int, hi: int) -> bool:
    """True when a metric of any category starts in tokens lo..hi (within the unit)."""
    return any(ctx.at(c, k) is not None for c in METRIC_CATEGORIES for k in range(lo, hi))


def _trade_off_named(ctx: UnitContext) -> bool:
    """A trade-off between two metrics is named ('we were trading long-term retention for
    short-term DAU', 'traded conversion for margin'), or what a win cost ('grew sign-ups at
    the expense of retention'): the metric given up is the counter-metric, named (RULES.md:
    the rule fires when no guardrail or counter-metric is named). A verb of trading with no
    metric after it ('traded ideas for a week', 'at the cost of two sprints') names none."""
    verbs = ctx.word_list("trade-off-verbs")
    if "at" not in ctx.lower_set and ctx.lower_set.isdisjoint(verbs):
        return False  # no verb of trading and no 'at the expense of': nothing to read
    n = len(ctx.doc)
    for k in range(n):
        low = ctx.lower(k)
        if low in verbs:
            for j in range(k + 1, min(n, k + 2 + _TRADE_REACH)):
                if ctx.lower(j) == "for":
                    if _metric_within(ctx, k + 1, j) and _metric_within(
                        ctx, j + 1, min(n, j + 1 + _TRADE_REACH)
                    ):
                        return True
                    break
        elif (
            low == "at"
            and ctx.lower(k + 1) == "the"
            and ctx.lower(k + 2) in ("expense", "cost")
            and ctx.lower(k + 3) == "of"
            and _metric_within(ctx, k + 4, min(n, k + 4 + _TRADE_REACH))
        ):
            return True
    return False


_SAVED_REACH = 3  # "saved $2M", "saved the company $2M", "savings of over $2M"


def _counter_figure_in_result(ctx: UnitContext) -> bool:
    """Story only: the Result gives a satisfaction score or rating compared with its start
    ('User satisfaction increased from 2.5/5.0 to 4.1/5.0') or money saved ('and saved $2M'):
    the quality or cost of the win, measured beside the moved metric, is its counter-metric
    (RULES.md lists quality and cost). A bare level ('CSAT → 80%') shows no harm avoided, and
    in a bullet a raised rating is one more win (`raised-wins`)."""
    if "counter-in-result" in ctx.annotations:
        return ctx.annotations["counter-in-result"]
    scores = ctx.word_list("story-quality-scores")
    saved = ctx.word_list("story-cost-saved")
    # the sentences with a figure given with its start ('from 3.2 to 4.6'): one pass
    compared = {
        ctx.sentence_of(q.token_start)
        for q in ctx.quantities
        if " to " in q.text.lower() or ctx.lower(before_hedges(ctx, q.token_start)) == "from"
    }
    found = False
    seen: set[tuple[int, int]] = set()
    for q in ctx.quantities:
        if ctx.section_at(q.token_start) != "result":
            continue
        lo = max(0, q.token_start - _SAVED_REACH)
        if q.kind == "money" and any(ctx.lower(k) in saved for k in range(lo, q.token_start)):
            found = True
            break
        bounds = ctx.sentence_of(q.token_start)
        if bounds in seen or bounds not in compared:
            continue
        seen.add(bounds)  # each sentence is read once: many figures in one stay linear
        if any(ctx.lower(k) in scores for k in range(*bounds)):
            found = True
            break
    ctx.annotations["counter-in-result"] = found
    return found


def _watched_in_story(ctx: UnitContext, g: Match, cat: str) -> bool:
    """In a story's Task or Action, a hold phrase ('without hurting retention', 'with churn as
    a guardrail', 'monitoring latency'): a counter-metric the candidate planned for. A
    guardrail-type metric named there without one is no guardrail: data looked at ('returns
    and cancellations data'), a lever moved ('cut latency'), and the Situation's problem
    ('churn was high') name none."""
    if ctx.section_at(g.start) not in ("task", "action"):
        return False
    return cat == "hold" or (cat == "guardrail" and _watched_before(ctx, g))


_WATCH_LOOKBACK = 12  # a watch verb and a short list of measures before the guardrail


def _watched_before(ctx: UnitContext, g: Match) -> bool:
    """A guardrail-type metric that a watch verb governs in its clause ('we tracked conversion
    rates, time-to-complete, and error rates', `story-watch-verbs`): the candidate watched it.
    The walk back stops at the clause start and after `_WATCH_LOOKBACK` tokens."""
    cs, _ = ctx.clause_of(g.start)
    verbs = ctx.word_list("story-watch-verbs")
    lo = max(cs, g.start - _WATCH_LOOKBACK)
    return any(ctx.lower(k) in verbs for k in range(lo, g.start))


@check("missing-guardrail")
def missing_guardrail(ctx: UnitContext) -> list[Hit]:
    """A product or business metric moved and no guardrail or counter-metric is named."""
    if ctx.story is None and _organisation_described(ctx):
        return []  # "PatientPop is one of the top 20 fastest growing startups": the employer's
    if ctx.story is None and not ctx.quantities and (_aspiration(ctx) or _career_objective(ctx)):
        return []  # "Expertise in acquiring new customers": a skill claimed, no change reported
    m = _moved_product_metric(ctx) or _moved_second_win(ctx) or _phrase_from_to(ctx)
    if ctx.story is None and _names_guardrail(ctx, m.start if m is not None else None):
        return []
    if m is not None and _null_result(ctx, m.start):
        return []  # "slightly higher Day-1 retention, but the difference was not significant"
    if m is None:
        # a vanity figure reported as an outcome is itself a moved product metric
        m = _vanity_reported(ctx, require_no_causal=False)
        if m is None:
            g = _growth_figure(ctx)
            if g is None:
                share = _share_won(ctx)
                if share is not None:
                    if _names_guardrail(ctx, share.start):
                        return []
                    s, e = ctx.chars(share.start, share.end)
                    return [Hit(s, e, {"metric": ctx.text[s:e], "entry": share.entry})]
                won = _money_won(ctx)
                if won is None:
                    return _experiment_hits(ctx)  # last: a test's result, whatever its subject
                if _names_guardrail(ctx, won.token_start):
                    return []
                s, e = ctx.chars(won.token_start, won.token_end)
                return [Hit(s, e, {"metric": "revenue", "entry": "revenue"})]
            if _names_guardrail(ctx, g):
                return []
            s, e = ctx.chars(g, g + 1)
            return [Hit(s, e, {"metric": ctx.text[s:e], "entry": "users"})]
        if _names_guardrail(ctx, m.start) or m.entry in ctx.word_list("not-product-vanity"):
            return []  # "reaching 1000 more workshop participants": no product metric moved
        if _event_reach(ctx, m):
            return []  # "a bootcamp, reaching 4,800+ developers across 11 events": who came
        if m.change is None and m.category == "vanity" and not _uptake_verb(ctx, m):
            q = m.quantity
            if q is None or not (_built_up_to(ctx, q) or _signed(q)):
                return []  # a bare count ("10k+ subscribers on the blog") reports no change;
                # a signed figure ("+450% email marketing reach") does
        q = m.quantity
        if m.change is None and q is not None and in_parentheses(ctx, q.token_start):
            return []  # "Published 4 Android apps (150k+ installs)": an aside, a running total
        if _reached_level(ctx, m) or _output_rate(ctx, m):
            return []  # "website experiences attracting 20K+ visitors": a total, no change
        s, e = ctx.chars(m.start, m.end)
        return [Hit(s, e, {"metric": ctx.text[s:e], "entry": "traffic"})]
    if _names_guardrail(ctx, m.start):
        return []
    s, e = ctx.chars(m.start, m.end)
    return [Hit(s, e, {"metric": ctx.text[s:e], "entry": m.entry})]


def _event_reach(ctx: UnitContext, m: MetricMention) -> bool:
    """'Organized India's first-ever bootcamp, reaching 4,800+ developers across 11 events': a
    count of people reached (a `reach-verbs` word before its figure) in a clause that names a
    gathering (`event-nouns`) is the people who came, as attendees are: no product metric
    moved. 'Launched 3 viral campaigns reaching 2M users' names no gathering."""
    q = m.quantity
    if q is None or ctx.lower(before_hedges(ctx, q.token_start)) not in ctx.word_list(
        "reach-verbs"
    ):
        return False
    cs, ce = ctx.clause_of(m.start)
    events = ctx.word_list("event-nouns")
    return any(ctx.lower(k) in events for k in range(cs, ce) if not m.start <= k < m.end)


_PHRASE_TAIL = 1  # "conversion movement from", "users sharing from": 1 word between
_RANGE_GAP = 6  # "from -3% month-to-month to +2%": the second figure is 6 tokens on


def _phrase_from_to(ctx: UnitContext) -> MetricMention | None:
    """'percentage of users sharing from 5% to 24%', 'reporting conversion movement from 5% to
    15%', 'paid subscriber trend from -3% month-to-month to +2%': a product or vanity word that
    modifies the noun of its phrase, then 'from' and two percentages, reports the metric moved
    from one level to the other. An efficiency or guardrail word between them ('users' page
    load time from ...') makes the change theirs."""
    if "from" not in ctx.lower_set:
        return None  # the form needs its 'from' (most lines have none)
    for m in [*mentions(ctx, "product"), *mentions(ctx, "vanity")]:
        if m.head or m.modified or m.purpose or m.framed:
            continue
        if not _in_scope(ctx, "missing-guardrail", m.start):
            continue
        f = next(
            (k for k in range(m.end, m.end + _PHRASE_TAIL + 1) if ctx.lower(k) == "from"), None
        )
        if f is None or any(
            m.end <= e.start <= f for cat in ("efficiency", "guardrail") for e in ctx.matches(cat)
        ):
            continue
        start = next((q for q in ctx.quantities if q.token_start == f + 1), None)
        if start is None or start.kind != "percent":
            continue
        if any(
            q.kind == "percent" and start.token_end < q.token_start <= start.token_end + _RANGE_GAP
            for q in ctx.quantities
        ):
            return m
    return None


_OUTCOME_REACH = 8  # "performs significantly better than Banner B in terms of customer conversion"
_ARM_LETTERS = frozenset("ABCD")  # "Group B", "Version C": an arm named by a letter


def _experiment_hits(ctx: UnitContext) -> list[Hit]:
    """missing-guardrail on an A/B test's result (`_experiment_result`) that names no
    guardrail; asked only when no other reading finds a moved metric."""
    m = _experiment_result(ctx)
    if m is None or _names_guardrail(ctx, m.start):
        return []
    s, e = ctx.chars(m.start, m.end)
    return [Hit(s, e, {"metric": ctx.text[s:e], "entry": m.entry})]


def _experiment_result(ctx: UnitContext) -> MetricMention | None:
    """An A/B test's result: the unit names a test arm or its statistics (`_experiment_unit`),
    and a sentence holds a product metric beside a word that reports an arm's result on it
    (`experiment-outcomes`: 'higher', 'outperformed', 'impact', 'lift') or a change word on it.
    The test moved that metric, whatever the sentence's subject or tense ('The treatment
    significantly improves conversion rate', 'Banner A performs significantly better
    than Banner B in terms of customer conversion', 'Ads have a statistically significant
    impact on conversion'). A sentence that reports no effect (`null-result`: 'the difference
    was not statistically significant') moves nothing, nor does one of expectation, goal or
    set-up (`experiment-non-results`: 'We expect the ad group to have a higher conversion
    rate')."""
    if not _experiment_unit(ctx):
        return None
    outcomes = ctx.word_list("experiment-outcomes")
    not_results = ctx.word_list("experiment-non-results")
    for m in mentions(ctx, "product"):
        if m.modified or m.purpose or m.framed:
            continue
        if not m.head and not _effect_of(ctx, m, outcomes):
            continue
        if not _in_scope(ctx, "missing-guardrail", m.start) or _quoted_in_story(
            ctx, m.start, m.end
        ):
            continue
        if _null_result(ctx, m.start):
            continue
        ss, se = ctx.sentence_of(m.start)
        if any(ctx.lower(k) in not_results for k in range(ss, se)):
            continue  # "We expect the ad group to have a higher conversion rate": no result
        lo, hi = max(ss, m.start - _OUTCOME_REACH), min(se, m.end + _OUTCOME_REACH)
        if m.change is not None or any(
            ctx.lower(k) in outcomes for k in range(lo, hi) if not m.start <= k < m.end
        ):
            return m
    return None


_NULL_REACH = 3  # "failed to provide better", "no real difference": the result word near


def _effect_of(ctx: UnitContext, m: MetricMention, outcomes: frozenset[str]) -> bool:
    """'the difference in conversion rates between the two groups', 'a lift in sign-ups': the
    metric after an outcome word and 'in', 'on' or 'of' is what the test moved, though the
    outcome noun heads the phrase."""
    return (
        m.start >= 2
        and ctx.lower(m.start - 1) in ("in", "on", "of")
        and ctx.lower(m.start - 2) in outcomes
    )


def _null_result(ctx: UnitContext, i: int) -> bool:
    """In a unit that reports an A/B test, the sentence of token i says the test found no
    effect (`null-result`: 'the difference was not statistically significant', 'no
    difference in conversion', 'inconclusive'; 'not only' is no negation): nothing moved."""
    if not _experiment_unit(ctx):
        return False
    ss, se = ctx.sentence_of(i)
    nulls, still = ctx.word_list("null-result"), ctx.word_list("null-result-not")
    alone, targets = ctx.word_list("null-result-alone"), ctx.word_list("null-targets")

    def denies(k: int) -> bool:  # "not statistically significant", "did not improve"
        if ctx.lower(k) in alone:
            return True  # "inconclusive", "insufficient evidence"
        if ctx.lower(k) not in nulls or (k + 1 < se and ctx.lower(k + 1) in still):
            return False
        return any(
            ctx.lower(j) in targets or ctx.at("change", j) is not None
            for j in range(k + 1, min(se, k + 1 + _NULL_REACH))
        )

    return any(denies(k) for k in range(ss, se))


def _experiment_unit(ctx: UnitContext) -> bool:
    """The unit names an arm of an A/B test or its statistics: `experiment-statistics`
    ('statistically', 'p-value', 't-test'), 'A/B'; an arm noun before a capital letter
    ('Group B', 'Version C'); 'control', 'treatment' or 'variant' beside a word of an arm
    ('the control', 'vs control', 'treatment group', 'the winning variant'; not 'quality
    control', 'product variants'); 'test' before an arm noun ('the test campaign').
    Worked out once per unit."""
    cache = ctx.annotations
    if "experiment-unit" not in cache:
        arms, stats = ctx.word_list("experiment-arms"), ctx.word_list("experiment-statistics")
        near = ctx.word_list("experiment-arm-neighbours")
        followers = ctx.word_list("experiment-arm-followers")
        nouns = ctx.word_list("experiment-arm-nouns")
        modifiers = ctx.word_list("experiment-arm-modifiers")
        heads = ctx.word_list("experiment-arm-heads")
        lows = ctx.lower_set
        if (
            lows.isdisjoint(arms)
            and lows.isdisjoint(stats)
            and lows.isdisjoint(modifiers)
            and "/" not in lows
            and (lows.isdisjoint(nouns) or _ARM_LETTERS.isdisjoint(ctx.token_texts))
        ):
            cache["experiment-unit"] = False  # most units: no word of a test at all
            return False
        n = len(ctx.doc)

        def letter(k: int) -> bool:
            return k < n and ctx.doc[k].text in _ARM_LETTERS

        def arm(k: int) -> bool:
            low = ctx.lower(k)
            if low in nouns and letter(k + 1):
                return True  # "Group B"
            if low == "a" and k + 2 < n and ctx.lower(k + 1) == "/" and ctx.lower(k + 2) == "b":
                return True  # "A/B"
            if low in stats:
                return True
            after = ctx.lower(k + 1) if k + 1 < n else ""
            if (low in arms or low in modifiers) and after in heads:
                return True  # "the test campaign", "control version"
            if low not in arms:
                return False
            before = ctx.lower(k - 1) if k else ""
            return before in near or after in followers or letter(k + 1)

        cache["experiment-unit"] = any(arm(k) for k in range(n))
    return cache["experiment-unit"]


def _moved_second_win(ctx: UnitContext) -> MetricMention | None:
    """'Decreased bounce rates by 50%': a guardrail-type metric that is a product metric itself
    (`second-win-guardrails`), cut by the writer with its own figure and no product metric
    moved beside it, is the change reported; it is no counter-metric of itself (set11b
    hb11b-013). Held ('while bounce rate held at 40%') or framed, it stays a guardrail. A
    `sole-win-guardrails` metric (churn) cut with no other product metric moved is the change
    reported, in a bullet with or without its figure ('implemented campaigns reducing churn')."""
    goals = _story_goal_guardrails(ctx)
    sole = ctx.word_list("sole-win-guardrails")
    for g in mentions(ctx, "guardrail"):
        if (
            g.entry not in ctx.word_list("second-win-guardrails")
            and g.entry not in goals
            and g.entry not in sole
        ):
            continue
        if not g.head:
            continue
        if g.modified or g.framed or g.purpose or g.change is None:
            continue
        if g.direction != "down" and not values_fall(ctx, g):
            continue  # "Improved bounce rate from 65% to 48%" cut it
        if g.change.start > g.start or ctx.at("hold", g.change.start):
            continue
        if not _in_scope(ctx, "missing-guardrail", g.start):
            continue
        q = g.quantity
        if q is None:
            if g.entry in sole and ctx.story is None:
                return g  # "Reduced churn by triaging customer issues to the roadmap"
            continue
        if ctx.sentence_of(q.token_start) == ctx.sentence_of(g.start):
            return g
    return None


def _story_goal_guardrails(ctx: UnitContext) -> frozenset[str]:
    """In a story, the guardrail-type product metrics (`story-goal-guardrails`: churn) that
    the Situation or Task names as the problem ("The subscription service noticed rising
    cancellations", "we noticed a high churn rate"): cut in the Action or Result, that metric
    is the change the story set out to make, not a counter-metric of itself."""
    if ctx.story is None:
        return frozenset()
    goal = ctx.word_list("story-goal-guardrails")
    return frozenset(
        g.entry
        for g in mentions(ctx, "guardrail")
        if g.entry in goal and not _in_scope(ctx, "missing-guardrail", g.start)
    )


_LEAD_LOOKBACK = 12  # subject and adverbs before a verb: "I then also quickly helped" is 4


def _lead_position(ctx: UnitContext, i: int) -> bool:
    """True when token i opens its sentence or clause, after an optional subject or adverb
    (at most `_LEAD_LOOKBACK` of them, which bounds the walk on a run of adverbs)."""
    cs, _ = ctx.clause_of(i)
    k = i - 1
    while (
        k >= cs
        and k >= i - _LEAD_LOOKBACK
        and (
            ctx.lower(k) in ctx.word_list("skip-lead")
            or ctx.lower(k).endswith("ly")
            or ctx.doc[k].is_space
        )
    ):
        k -= 1
    return k < cs or _spaced_separator(ctx, k)


def _spaced_separator(ctx: UnitContext, k: int) -> bool:
    """'Implement new features / Help to migrate ...': a slash or bar with a space on each
    side separates two items of a bullet, so the word after it opens its own item
    ('UI/UX' is glued and separates nothing)."""
    return (
        ctx.doc[k].text in ("/", "|", "-", "–", "—")
        and k > 0
        and bool(ctx.doc[k - 1].whitespace_)
        and bool(ctx.doc[k].whitespace_)
    )


def _purpose_after_work(ctx: UnitContext, m: Match) -> bool:
    """'Documented the module; describing its design; to help the team maintain it': 'to' and
    a weak verb after a strong verb earlier in the sentence (past ';' or ',') state the work's
    aim, not what carries the bullet."""
    if m.start < 1 or ctx.lower(m.start - 1) != "to":
        return False
    ss, _ = ctx.sentence_of(m.start)
    _strong_verb_before(ctx, m)  # fills the prefix counts
    prefix = ctx.memo["strong_verb_prefix"]
    return prefix[m.start] - prefix[ss] > 0


_TASK_AHEAD = 20  # "Tasked with improving address quality for customers," is 7


def _work_after_task(ctx: UnitContext, m: Match) -> bool:
    """'Tasked with improving address quality, established benchmarks ...': a phrase of duty
    (`task-weak`) that opens the bullet states the task, like a story's Task, when a clause
    after a comma or ';' in its sentence opens with a past-tense action verb: that verb carries
    the achievement ('Responsible for the design and testing of X' has none)."""
    if m.entry not in ctx.word_list("task-weak") or not _lead_position(ctx, m.start):
        return False
    _, se = ctx.sentence_of(m.start)
    for k in range(m.end, min(se, m.end + _TASK_AHEAD) - 1):
        if ctx.lower(k) not in (",", ";"):
            continue
        a = ctx.at("action", k + 1)
        if a is None or a.entry == "state-phrase" or ctx.at("weak", k + 1):
            continue
        past = ctx.lower(k + 1).endswith("ed") or a.entry == "irregular-past"
        if past and ctx.lower(k + 2) != "by":  # "..., used by 2M users" is a participle
            return True
    return False


def _opens_sentence(ctx: UnitContext, i: int) -> bool:
    """Token i leads its sentence (after an optional subject or adverb), not a later clause
    ('Led a program across 5 teams; contributed targeted PRs' is led by 'Led')."""
    return ctx.clause_of(i)[0] == ctx.sentence_of(i)[0] and _lead_position(ctx, i)


def _counted_object(ctx: UnitContext, i: int) -> bool:
    """A figure opens the object at token i, after hedges ('Contributed 3 accepted PRs',
    'Contributed over 40% of code reviews'): the writer names and measures the output."""
    k = i
    while ctx.lower(k) in ctx.word_list("scale-hedges") and k < i + 3:
        k += 1
    return any(q.token_start == k for q in ctx.quantities)


def _helped_do(ctx: UnitContext, m: Match) -> bool:
    """'queries that helped migrate reports', 'a scanner, which helped reduce server load',
    '..., helping maintain a well-defined backlog': 'helped'/'helping' after a relative word or
    a comma (`helped-leads`) and right before an action or change verb carries the result the
    work led to, as 'contributed to' does ('which helped customers visualize' and 'helping
    students master X' state a benefit to someone, and stay incidental)."""
    if m.entry != "helped" or ctx.lower(m.start) not in ("helped", "helping"):
        return False
    if ctx.lower(m.start - 1) not in ctx.word_list("helped-leads"):
        return False
    k = m.end
    if ctx.lower(k) in ("in", "with"):  # '..., helping in (the) reduction of X by 30%' (set88)
        k += 2 if ctx.lower(k + 1) in ("the", "a") else 1
        return ctx.at("change", k) is not None
    return bool(ctx.at("action", k) or ctx.at("change", k))


_ENABLED_OBJECT = 4  # "Empowered staff members to": the object is a short noun phrase


def _enabled_others(ctx: UnitContext, m: Match) -> bool:
    """'Empowered staff members to contribute to continuous improvement', 'encouraged the team
    to participate in': a weak phrase after 'to' and the object of a verb that enables others
    (`enabling-verbs`) is what those others do; the writer's own part is the enabling verb,
    a strong one (set91 hb91-106 and set93 hb93-066, all four labellers)."""
    if ctx.lower(m.start - 1) != "to":
        return False
    verbs = ctx.word_list("enabling-verbs")
    for k in range(m.start - 2, max(-1, m.start - 3 - _ENABLED_OBJECT), -1):
        if ctx.lower(k) in verbs:
            return k < m.start - 2  # an object stands between the verb and 'to'
        if not ctx.doc[k].is_alpha or ctx.at("action", k) or ctx.at("weak", k):
            return False
    return False


def _means_clause(ctx: UnitContext, m: Match) -> bool:
    """'Trained 300 employees by getting involved in a team ...', 'Cut costs by helping the
    team ...': a weak phrase after 'by' (past 'getting' or 'being') is how the writer did the
    work, their own part, so it carries it (set88)."""
    k = m.start - 1
    if k >= 0 and ctx.lower(k) in ("getting", "being"):
        k -= 1
    return k >= 0 and ctx.lower(k) == "by"


def _first_person(ctx: UnitContext, m: Match) -> bool:
    """'..., where I was responsible for deliveries', 'a tool I helped build', 'In 2020 I
    actively participated in', 'By tracking LTV, we helped estimate': 'I' or 'we' right
    before the weak phrase (past at most `_LEAD_LOOKBACK` '-ly' adverbs) makes it the writer's
    own claim, wherever it sits."""
    k = m.start - 1
    while k >= max(0, m.start - _LEAD_LOOKBACK) and ctx.lower(k).endswith("ly"):
        k -= 1
    return k >= 0 and ctx.lower(k) in ("i", "we")


def _strong_verb_before(ctx: UnitContext, m: Match) -> bool:
    """True when a verb earlier in the sentence carries the achievement: an action verb from
    the lexicon, or the word after 'I'/'we' ('I picked two teams and helped them')."""
    s, _ = ctx.clause_of(m.start)
    # whether each token carries a verb depends on the token alone: prefix counts made once
    # per unit answer "any such token in [s, m.start)" in O(1) (a scan per match was quadratic)
    if "strong_verb_prefix" not in ctx.memo:
        prefix = [0]
        for k in range(len(ctx.doc)):
            prefix.append(prefix[-1] + _carries_verb(ctx, k))
        ctx.memo["strong_verb_prefix"] = prefix
    prefix = ctx.memo["strong_verb_prefix"]
    return prefix[m.start] - prefix[s] > 0


def _carries_verb(ctx: UnitContext, k: int) -> bool:
    if ctx.at("weak", k):
        return False
    tok = ctx.doc[k]
    if tok.is_upper and len(tok.text) > 1 and tok.is_alpha:
        return False  # "EXECUTIVE SOUS CHEF/MASTER SAUCIER ... Responsible for": a heading
    a = ctx.at("action", k)
    if a is not None and a.entry != "state-phrase":
        roles = ctx.word_list("role-verbs")
        if ctx.lower(k + 1) == "as" and ctx.lower(k) in roles:
            return False  # "Served as president ..., helping it grow": a role, no work
        if any(ctx.lower(j) == "as" and ctx.lower(j - 1) in roles for j in range(k - 3, k)):
            return False  # "Served as scrum master": the role's words are no verbs
        return not _role_after_as(ctx, k)
    return (
        ctx.lower(k - 1) in ("i", "we")
        and ctx.doc[k].is_alpha
        and ctx.lower(k) not in ctx.word_list("auxiliaries")
    )


def _role_after_as(ctx: UnitContext, k: int) -> bool:
    """'As Lead Developer, ...', 'As Senior Engineer': a word in a title-cased role after 'as'
    names the role, it is no verb; bounded: at most 3 tokens are read."""
    for j in range(k - 1, max(-1, k - 4), -1):
        if ctx.lower(j) == "as":
            return True
        if not ctx.doc[j].is_title:
            return False
    return False


def _noun_use(ctx: UnitContext, m: Match) -> bool:
    """'offered migration help', 'with the help of': a one-word weak verb used as a noun;
    'for my work on', 'the work on': a possessive or article before 'work on' makes it one."""
    prev = ctx.doc[m.start - 1] if m.start > 0 else None
    if prev is None:
        return False
    if m.end - m.start != 1:
        return prev.lower_ in ctx.word_list("possessive-determiners") and ctx.lower(
            m.start
        ) in ctx.word_list("weak-noun-forms")
    low = prev.lower_
    if low in ctx.word_list("noun-determiners"):
        return True
    nxt = ctx.lower(m.end)
    if ctx.lower(m.start).endswith("ing") and nxt == "to":
        return False  # "SME in the frontend guild helping to define": a participle, no noun
    return (
        prev.is_alpha
        and low not in ctx.word_list("subject-links")
        and (nxt in ("", ".", ",", ";", "from", "to", "with", "for"))
        and not _lead_position(ctx, m.start)
    )


def _carries_outcome(ctx: UnitContext, m: Match) -> bool:
    """'..., contributing to a Rs 175 Cr run rate', '..., assisting in the development of
    models that reduced churn': a weak phrase that introduces the outcome clause carries the
    impact even after a strong verb. A participle does so only when it opens a clause after a
    comma: 'developers working on', 'aiming to assisting', 'began working on' are no outcome
    clause; and 'helping students master X' states the benefit of the strong verb's work."""
    if m.entry in ctx.word_list("outcome-weak"):
        return True
    if not (
        ctx.lower(m.start).endswith("ing")
        and ctx.lower(m.start - 1) in (",", ";")
        and m.entry not in ctx.word_list("benefit-weak")
    ):
        return False
    # after a strong opening verb in the past tense, the clause it opens names a result: a
    # figure, a change or a metric ('Reviewed all forms ..., assisting the client where
    # necessary' is the duty's manner, not its outcome: set87; 'Acquiring experience, ...,
    # participating in agile cycles' lists the work itself)
    lo, hi = ctx.clause_of(m.start)
    return (
        ctx.at("action", lo) is None
        or not ctx.lower(lo).endswith("ed")
        or any(m.end <= q.token_start < hi for q in ctx.quantities_around(m.end, hi))
        or any(ctx.at("change", j) is not None for j in range(m.end, hi))
        or any(
            m.end <= x.start < hi
            for kind in ("product", "vanity", "causal", "guardrail")
            for x in mentions(ctx, kind)
        )
    )


_PAST_BE = ("was", "were")  # a weak phrase opened by past 'be' ('was responsible for')


def _coordinated_past(ctx: UnitContext, m: Match) -> bool:
    """'Mentored and assisted others', 'Ensured quality, assisted with rostering, and
    resolved complaints': a weak verb in the past tense right after the opening verb and 'and',
    or after a comma, is one of the writer's coordinated predicates, not a trailing participle
    ('..., helping students') nor a passive ('helped by caching'). A bullet is a list of
    predicates, so 'and' after an object joins another one ('Explored the API and worked upon
    ...'); in a story's narrative it joins a strong verb's own step ('I picked two teams and
    helped them adopt it')."""
    first = ctx.lower(m.start)  # 'and was responsible for releasing it': a past predicate too
    if not (first.endswith("ed") or first in _PAST_BE) or ctx.lower(m.end) == "by":
        return False
    prev = ctx.lower(m.start - 1)
    if first in _PAST_BE and prev not in ("and", "&"):
        return False  # "An app built for clinics, was part of the team": a description's
    if prev in ("and", "&"):
        return (
            ctx.story is None
            or (m.start >= 2 and _lead_position(ctx, m.start - 2))
            or _i_is_the_subject(ctx, m.start - 1)
        )
    return prev in (",", ";")


def _i_is_the_subject(ctx: UnitContext, i: int) -> bool:
    """Story only: the last subject word before token i in its sentence is 'I' ("I worked with
    their lead on a plan and helped them test it", "I fully committed to the plan and helped
    the migration"): a predicate joined by 'and' to the candidate's own is the candidate's
    claim too (`params.story_subjects` of weak-verb)."""
    subjects = rule_param("weak-verb", "story_subjects")
    ss, _ = ctx.sentence_of(i)
    for k in range(i - 1, ss - 1, -1):
        if ctx.lower(k) in subjects:  # type: ignore[operator]
            return ctx.lower(k) == "i"
    return False


def _not_own_in_story(ctx: UnitContext, m: Match) -> bool:
    """In a story, a weak phrase that is not the candidate's achievement: help the candidate
    received ('a grad student helping me'), or, in unlabelled prose, a state after a form of
    'be' ('I was the person in charge of the trip', 'who were helping') or an aim after 'to'
    ('all of them had to participate'): a role, a duty or someone else's part, which a STAR
    answer gives as its Situation or Task."""
    if ctx.lower(m.end) in rule_param("weak-verb", "story_receivers"):
        work = rule_param("weak-verb", "story_work_subjects")
        if not (ctx.lower(m.start - 1) in work and ctx.lower(m.end) in ("us", "ourselves")):
            return True  # but "This helped us cut costs": the work's effect, framed weakly
    if _third_party_subject(ctx, m):
        return True
    from starkit.story.segment import outcome_sentences

    if outcome_sentences(ctx.text) is None:  # labelled: the Action label decides
        return False
    if ctx.lower(m.start) in rule_param("weak-verb", "story_states"):
        return True  # the phrase holds its own 'be': "was in charge of", "were involved in"
    k = m.start - 1
    fillers = rule_param("weak-verb", "story_fillers")
    while k >= max(0, m.start - _LEAD_LOOKBACK) and (
        ctx.lower(k) in fillers or ctx.lower(k).endswith("ly")
    ):
        k -= 1
    before = ctx.lower(k)
    return before in rule_param("weak-verb", "story_states") or before in rule_param(
        "weak-verb", "story_purposes"
    )


def _third_party_subject(ctx: UnitContext, m: Match) -> bool:
    """Story only: the clause's subject is someone or something other than the candidate,
    read from the words right before the phrase (past `story_fillers`, '-ly' adverbs and forms
    of 'be', at most `_LEAD_LOOKBACK` of them): a third-party noun (`story_third_parties`:
    'different people worked on', 'the extra work all contributed to'), or a relative pronoun
    (`story_relatives`) after a word that is no subject pronoun ('an improvement that helped
    more users', 'what was working on their platform'). 'that helped migrate reports' (an
    action or change verb right after) and 'a tool that helped us cut costs' are the work's
    own effect, framed weakly, and still fire. A participle after a comma takes the nearest
    subject before it in its sentence ('only one person handling the project, working on new
    requirements')."""
    third = rule_param("weak-verb", "story_third_parties")
    subjects = rule_param("weak-verb", "story_subjects")
    if ctx.lower(m.start).endswith("ing") and ctx.lower(m.start - 1) in (",", ";"):
        ss, _ = ctx.sentence_of(m.start)
        for k in range(m.start - 2, max(ss, m.start - _SUBJECT_LOOKBACK) - 1, -1):
            if ctx.lower(k) in subjects or ctx.lower(k) in third:  # type: ignore[operator]
                return ctx.lower(k) in third  # type: ignore[operator]
        return False
    skip = rule_param("weak-verb", "story_fillers")
    states = rule_param("weak-verb", "story_states")
    k = m.start - 1
    while k >= max(0, m.start - _LEAD_LOOKBACK) and (
        ctx.lower(k) in skip or ctx.lower(k) in states or ctx.lower(k).endswith("ly")
    ):
        k -= 1
    if k < 0:
        return False
    word = ctx.lower(k)
    if word in third:  # type: ignore[operator]
        return True
    if word not in rule_param("weak-verb", "story_relatives") or k < 1:
        return False
    if ctx.lower(m.end) in rule_param("weak-verb", "story_receivers"):
        return False  # "a tool that helped us cut costs": the work's effect
    verb_after = ctx.at("action", m.end) or ctx.at("change", m.end)
    if verb_after and ctx.lower(m.end) not in skip:  # 'more users' is no verb
        return False  # "queries that helped migrate reports": the result the work led to
    head = ctx.doc[k - 1]
    return head.is_alpha and head.lower_ not in subjects and head.lower_ not in skip


_SUBJECT_LOOKBACK = 30  # tokens read back from a participle for its subject


def _others_participle(ctx: UnitContext, m: Match) -> bool:
    """'adopted by enterprise customers contributing to over US$1 million in ARR': a weak
    '-ing' participle right after a noun for the people who act (`participle_third_parties`
    or `story_third_parties`: customers, clients, partners, people, ...) tells what they do,
    not the writer's part. 'product initiatives contributing to' is the writer's work, and a
    participle after a comma is left to `_carries_outcome`."""
    if m.start == 0 or not ctx.lower(m.start).endswith("ing"):
        return False
    before = ctx.lower(m.start - 1)
    return before in rule_param("weak-verb", "participle_third_parties") or before in (
        rule_param("weak-verb", "story_third_parties")
    )


@check("weak-verb")
def weak_verb(ctx: UnitContext) -> list[Hit]:
    """A weak or passive phrase carries the achievement (it opens the bullet or sentence)."""
    weak = ctx.matches("weak")
    if weak and ctx.story is None and (_career_objective(ctx) or _aspiration(ctx)):
        return []  # "To work in a dynamic environment and help the organization grow", "I am
        # excited about the prospect of leveraging my skills to contribute to": an aim
    hits = []
    for m in weak:
        before = ctx.doc[m.start - 1].text if m.start > 0 else ""
        after = ctx.doc[m.end] if m.end < len(ctx.doc) else None
        glued = before == "-" and not ctx.doc[m.start - 1].whitespace_  # not "Team - Worked on"
        if glued or (after is not None and after.text == "-"):
            continue  # self-help, help-desk
        if after is not None and (
            after.lower_ in ctx.word_list("weak-noun-after")
            or (
                after.is_title
                and m.end - m.start == 1
                and ctx.doc[m.start].is_title
                and not ctx.lower(m.start).endswith("ed")  # "Assisted Director of Programs"
                and not _title_verb_after(ctx, m.end)
            )
        ):
            continue  # "Help Desk", "Help Center": a name; "Help Grow ..." is the verb
        if _noun_use(ctx, m):
            continue
        if ctx.lower(m.start) in ctx.word_list("third-person-weak") and not _lead_position(
            ctx, m.start
        ):
            continue  # "a web app which helps users create a CV": what the product does
        if (
            m.start > 0
            and ctx.lower(m.start) in ctx.word_list("artefact-weak-participles")
            and ctx.lower(m.start - 1) in ctx.word_list("built-artefact-nouns")
        ):
            continue  # "Interactive web tool helping marketers forecast ROI": the tool helps
        if ctx.story is not None and _not_own_in_story(ctx, m):
            continue
        if _others_participle(ctx, m):
            continue  # "adopted by enterprise customers contributing to $1M in ARR": theirs
        if m.entry in ctx.word_list("lead-only-weak") and (
            not _opens_sentence(ctx, m.start) or _counted_object(ctx, m.end)
        ):
            continue  # "Led the rewrite; contributed PRs", "Contributed 3 accepted PRs"
        if _enabled_others(ctx, m):
            continue  # "Empowered staff members to contribute to ...": the staff's part
        carries = _carries_outcome(ctx, m) or _coordinated_past(ctx, m) or _first_person(ctx, m)
        carries = carries or _helped_do(ctx, m) or _means_clause(ctx, m)
        if not carries and not _lead_position(ctx, m.start) and _strong_verb_before(ctx, m):
            continue  # "Led the migration, which helped cut costs": incidental
        if not carries and _purpose_after_work(ctx, m):
            continue  # "Documented the module; ...; to help the team maintain it": an aim
        if _work_after_task(ctx, m):
            continue  # "Tasked with improving X, established benchmarks": the task, then work
        s, e = ctx.chars(m.start, m.end)
        fields: dict[str, object] = {"phrase": ctx.text[s:e], "entry": m.entry}
        if ctx.story is not None and _i_weak_in_prose(ctx, m):
            fields["any_section"] = True
        hits.append(Hit(s, e, fields))
    return hits


def _i_weak_in_prose(ctx: UnitContext, m: Match) -> bool:
    """Unlabelled story: 'I helped organize a math competition', 'I basically helped him work
    through it', 'At Saarthee, I worked on a campaign project': the weak phrase right after
    'I' (past `story_fillers` and '-ly' adverbs) is the candidate's own act, so it is judged
    wherever the decoder put its sentence, as a first-person action shows the Action
    (docs/stories.md); a role after 'be' ('I was in charge of') and an aim after 'to' are no
    act and were let go before (`_not_own_in_story`). A labelled story is read by its labels."""
    from starkit.story.segment import outcome_sentences

    if outcome_sentences(ctx.text) is None:
        return False
    fillers = rule_param("weak-verb", "story_fillers")
    k = m.start - 1
    while k > max(0, m.start - _LEAD_LOOKBACK) and (
        ctx.lower(k) in fillers or ctx.lower(k).endswith("ly")
    ):
        k -= 1
    return k >= 0 and ctx.lower(k) == "i"


def _title_verb_after(ctx: UnitContext, k: int) -> bool:
    """'Help Grow Bitboy Crypto's Twitter by 200k+ Followers': in a title-cased bullet the word
    after a title-cased weak word is a bare verb (a change or action word, no -s, -ed or -ing
    ending), so the weak word is the verb 'help', not a name ('Help Desk', 'Help Center')."""
    word = ctx.lower(k)
    if word.endswith(("s", "ed", "ing")):
        return False
    return ctx.at("change", k) is not None or ctx.at("action", k) is not None


def _next_words(ctx: UnitContext, i: int, n: int) -> set[str]:
    """The next word after token i and the next two joined ('or not'), punctuation skipped;
    bounded: at most 2n tokens are read."""
    words: list[str] = []
    k, stop = i, min(len(ctx.doc), i + 2 * n)
    while k < stop and len(words) < n:
        if not (ctx.doc[k].is_punct or ctx.doc[k].is_space):
            words.append(ctx.lower(k))
        k += 1
    return {words[0], " ".join(words)} if words else set()


def _before_change_noun(ctx: UnitContext, i: int, n: int = 4) -> bool:
    """True when one of the n tokens from i is a change or amount noun ('significant revenue
    growth', 'significant time and cost savings', 'the vast majority'); bounded: at most n
    tokens are read."""
    nouns = ctx.word_list("change-after") | ctx.word_list("vague-amount-nouns")
    return any(ctx.lower(k) in nouns for k in range(i, min(len(ctx.doc), i + n)))


def _amount_changed(ctx: UnitContext, start: int, end: int) -> bool:
    """'reduced significant load', 'generated substantial revenue': a size adjective right
    after a change word stands for the amount cut, or for a metric's gain; 'gained
    significant experience' names no amount. Right before a metric that heads its phrase
    ('thousands of active users and significant market penetration'), it stands for the
    metric's size."""
    change = ctx.at("change", start - 1)
    if change is None:  # "achieving ... significant market penetration": the metric's size
        return any(
            m.start == end and m.head and not m.modified
            for c in ("causal", "product", "vanity")
            for m in mentions(ctx, c)
        )  # "a significant sales goal" names a goal, no amount
    return change.entry == "down" or any(
        ctx.covered_by(c, end, end + 1) for c in ("causal", "product", "vanity", "efficiency")
    )


_BESIDE_SPAN = 6  # tokens after a vague word in which its own figure may stand
_CHANGE_FIGURES = ("percent", "multiplier", "money", "duration", "rate", "ratio", "size")
_FIGURE_LINKS = ("by", "of", "to", "from")  # "reduced churn by 20%", "an increase of 40%"


def _figure_beside(ctx: UnitContext, end: int) -> bool:
    """The figure an intensifier would stand for is right there, so the word stands for none:
    'a significant 50% increase', 'a significant increase of 40%', 'significantly reduced
    churn by 20%', 'massive meshes (10.6M+ cells)'. Read up to `_BESIDE_SPAN` tokens after the
    word (token `end` on), stopping at a comma or a clause break: a change figure right after
    the word or after 'by', 'of', 'to' or 'from', or any measure in a parenthesis there.
    Bounded: a few tokens are read."""
    stop = min(len(ctx.doc), end + _BESIDE_SPAN)
    starts = {q.token_start: q for q in ctx.quantities}
    for k in range(end, stop):
        t = ctx.lower(k)
        if t in (",", "—", "–") or ctx.clause_breaks[k]:
            return False
        if t == "(":
            for j in range(k + 1, min(len(ctx.doc), k + _BESIDE_SPAN)):
                if ctx.lower(j) == ")":
                    return False
                if j in starts:
                    return True
            return False
        q = starts.get(k)
        if q is not None and q.kind in _CHANGE_FIGURES:
            return k == end or ctx.lower(k - 1) in _FIGURE_LINKS
    return False


@check("vague-language")
def vague_language(ctx: UnitContext) -> list[Hit]:
    """An unmeasured intensifier or hedge stands where a figure belongs."""
    hits = []
    for m in ctx.matches("vague"):
        tok = ctx.doc[m.start]
        s, e = ctx.chars(m.start, m.end)
        if ctx.in_quotes(s) and (ctx.kind != "story" or ctx.quote_closes_after(e)):
            continue  # in a story, a quote must close: "'cause" in a transcript opens none
        if m.entry == "vague-count" and any(q.token_end == m.start for q in ctx.numbers):
            continue  # "40 tons of CO2" is a measure, not a hedge
        if ctx.lower(m.start - 1) in ctx.word_list("vague-exempt-before"):
            continue  # "statistically significant" is a test result, not a hedge
        if ctx.answer is not None and m.start in ctx.answer.statistical_tokens:
            continue  # an answer reading a test: "significantly decreased" is its result
        if _next_words(ctx, m.end, 2) & ctx.word_list("vague-exempt-after"):
            continue  # "whether the change is significant or not": a significance test
        if (
            m.entry == "size-adjective"
            and not _before_change_noun(ctx, m.end)
            and not _amount_changed(ctx, m.start, m.end)
        ):
            continue  # "significant security risks": a plain noun, no figure stood in for
        if m.entry != "vague-count" and _figure_beside(ctx, m.end):
            continue  # "a significant 50% increase": the figure is given
        nxt = ctx.doc[m.end] if m.end < len(ctx.doc) else None
        at_start = m.start == 0 or _lead_position(ctx, m.start)
        if tok.is_title and not at_start:
            continue  # part of a name: "Massive Attack", "Various Artists"
        if tok.is_title and nxt is not None and nxt.is_title:
            if not (at_start and m.entry == "vague-count"):
                continue  # "Massive Attack"; but a line opening "Various Linux ... tasks" counts
        hits.append(Hit(s, e, {"word": ctx.text[s:e], "entry": m.entry}))
    return hits


@check("unfilled-placeholder")
def unfilled_placeholder(ctx: UnitContext) -> list[Hit]:
    """A template slot is left in the text."""
    hits: list[Hit] = []
    text = ctx.doc_text
    # kept hits never overlap, so sorted by start their ends are sorted too: an overlap test is
    # a binary search (a scan of every hit made this quadratic in the number of slots)
    starts: list[int] = []
    ends: list[int] = []
    for pid, s, e in ctx.slot_matches:
        seg = text[s:e]
        s += len(seg) - len(seg.lstrip())
        e -= len(seg) - len(seg.rstrip())
        k = bisect_left(starts, e)
        if e <= s or (k > 0 and ends[k - 1] > s):
            continue
        starts.insert(k, s)
        ends.insert(k, e)
        hits.append(Hit(s, e, {"slot": ctx.text[s:e], "entry": pid}))
    hits.sort(key=lambda h: h.start)
    return hits


@check("missing-baseline")
def missing_baseline(ctx: UnitContext) -> list[Hit]:
    """A change given only as a relative figure, with no starting value or time frame."""
    for r in relative_figures(ctx):
        q = r.quantity
        if _in_scope(ctx, "missing-baseline", q.token_start) and not r.baseline:
            if _observed_in_action(ctx, q.token_start):
                continue
            if ctx.story is not None and (
                _restates_from_to(ctx, q)
                or _listed_level(ctx, q)
                or _result_head_frame(ctx, q)
                or _level_in_background(ctx, q)
            ):
                continue
            return [Hit(q.start, q.end, {"figure": ctx.text[q.start : q.end]})]
    return []


def _observed_in_action(ctx: UnitContext, i: int) -> bool:
    """Story only: a relative figure in the Action whose clause has no first-person word is
    what the candidate found, not a change they report ('Traffic was fine, but conversion was
    down 25%', 'the model had 30% higher error rates'): evidence for the next step, whose
    outcome the Result gives. A finding verb with 'that' ('I showed that the model had 30%
    higher error rates') reports what the candidate found: only the words after it count."""
    if ctx.story is None or ctx.section_at(i) != "action":
        return False
    if _told_as_change(ctx, i):
        return False
    cs, ce = ctx.clause_of(i)
    table = ctx.memo.get("observed-in-action")
    if table is None:  # once per unit: a clause of many figures stays linear
        finds = ctx.word_list("story-finding-verbs")
        words = ctx.word_list("i-pronouns") | ctx.word_list("we-pronouns")
        thats = [k for k, w in enumerate(ctx.lowers) if w == "that" and ctx.lower(k - 1) in finds]
        persons = [0]
        for w in ctx.lowers:
            persons.append(persons[-1] + (w.replace("’", "'") in words))
        table = ctx.memo["observed-in-action"] = (thats, persons)
    thats, persons = table
    k = bisect_right(thats, i - 1) - 1
    if k >= 0 and thats[k] > cs:
        cs = thats[k] + 1  # "I showed that ...": the finding starts after 'that'
    return persons[ce] == persons[cs]


def _told_as_change(ctx: UnitContext, i: int) -> bool:
    """The relative figure at token i is told as a change, not as a state found: a change
    noun of the ontology right after it ("benchmarks showing 20% improvement") or 'by' after
    a change verb ("would increase ops burden by 50%"). A state or a comparison ("conversion
    was down 25%", "30% higher error rates", "took twice as long") is what was found. Pooled
    over sealed..sealed8 (tune round 6), the labellers fire on a change the candidate's
    analysis, test or benchmark showed (ss5-020, ss7-037; ss4-045 and ss6-010 read so too)."""
    q = next((f for f in ctx.quantities_around(i, i) if f.token_start == i), None)
    if q is None:
        return False
    nxt = q.token_end
    if nxt < len(ctx.doc) and ctx.lower(nxt) in forms()[4]:
        return nxt + 1 >= len(ctx.doc) or ctx.doc[nxt + 1].text not in ("-", "‑", "–")
    k = before_hedges(ctx, i)
    if k < 0 or ctx.lower(k) != "by":
        return False
    cs, _ = ctx.clause_of(i)
    return k > cs and ctx.covered_by("change", cs, k)  # O(log n), not a walk of the clause


_RESTATE_REACH = 8  # "from 3.6% to 2.1%, a 42% reduction": 3 tokens from '2.1%' to '42%'
# The words between a from-to pair and a figure that restates it in apposition.
_APPOSITION = frozenset(
    {",", "(", "-", "–", "—", ":", "a", "an", "or", "i.e.", "which", "is", "was", "that", "'s"}
    | {"about", "roughly", "nearly", "almost", "over", "around", "some"}
)


def _restates_from_to(ctx: UnitContext, q: Quantity) -> bool:
    """Story only: a relative figure that restates the from-to pair just before it in its
    sentence ("Churn dropped from 3.6% to 2.1%, a 42% reduction") has that pair's baseline."""
    ss, _ = ctx.sentence_of(q.token_start)
    lo = max(ss, q.token_start - _RESTATE_REACH)
    to = next(
        (
            p
            for p in ctx.quantities
            if lo <= p.token_end <= q.token_start
            and p is not q
            and ctx.lower(p.token_start - 1) == "to"
        ),
        None,
    )
    if to is None or any(
        ctx.lower(k) not in _APPOSITION for k in range(to.token_end + 1, q.token_start)
    ):
        return False  # "from 15% to 3%, improved trust scores by 25%" moves a second metric
    return any(
        ss <= p.token_start < to.token_start and ctx.lower(p.token_start - 1) == "from"
        for p in ctx.quantities
    )


def _result_head_frame(ctx: UnitContext, q: Quantity) -> bool:
    """Story only: a time frame that opens the Result in a sentence with no figure of its own
    ("After ten months, results spoke for themselves", "The results in 75 days exceeded
    expectations") frames the relative figures of that Result (both blind labellers of sealed5
    read it so); a frame beside its own figure ("Restored success to 99% within 45 minutes")
    frames only that figure."""
    if ctx.story is None or ctx.section_at(q.token_start) != "result":
        return False
    sec = ctx.story.section("result")
    span = ctx.doc.char_span(sec.start, sec.end, alignment_mode="expand") if sec else None
    if span is None:
        return False
    ss, se = ctx.sentence_of(span.start)
    if ss <= q.token_start < se:
        return False  # a figure in the opening sentence is paired there, or not at all
    own = [p for p in ctx.quantities if ss <= p.token_start < se]
    if any(p.kind != "duration" for p in own):
        return False  # "Restored success to 99% within 45 minutes": the frame is that figure's
    preps = ctx.word_list("duration-before") | ctx.word_list("period-preps")
    heads = ctx.word_list("result-head-nouns")  # also a label: 'Result: Within 3 months, ...'
    opening = min(
        (t.i for t in ctx.tokens[ss:se] if t.is_alpha and t.lower_ not in heads), default=se
    )
    # a duration after a preposition, or one that opens the sentence ("18-month effort
    # resulted in: ...")
    framed = [p for p in own if ctx.lower(p.token_start - 1) in preps or p.token_start <= opening]
    if not framed:
        return False
    # the frame heads the Result when it opens its sentence ("After ten months, results spoke
    # for themselves") or the sentence names the results ("The results in 75 days exceeded
    # expectations"); after a verb of its own it measures that act ("Restored service in 18
    # minutes. ... Database CPU improved 25%": the 25% still has no baseline)
    return any(p.token_start - 1 <= opening for p in framed) or any(
        ctx.lower(k) in heads and ctx.lower(k + 1) != ":" for k in range(ss, se)
    )


_LIST_JOINERS = frozenset({",", "and", "or", "then", "finally", "eventually", "later"})
_NEAR = 4  # the measure a figure sizes is named within a few words of it: "5x load"


def _level_in_background(ctx: UnitContext, q: Quantity) -> bool:
    """Story only: the Situation or Task gives the starting level of the measure the relative
    figure changes: a figure of the same kind near the same word ("API was crashing under 3x
    normal load" ... "System handled 5x load"; "Conversion rate plateaued at 3.2%" ...
    "conversion dropped 8%"). The story gives the baseline (RULES.md: the rule fires when
    neither the starting value nor a time frame is given). A background figure that is itself
    a change ("spend exceeding budget by 40%") gives no level."""
    near = _words_near(ctx, q)
    if not near:
        return False
    return any(
        p.kind == q.kind
        and not _in_scope(ctx, "missing-baseline", p.token_start)
        and ctx.lower(before_hedges(ctx, p.token_start)) != "by"
        and not near.isdisjoint(_words_near(ctx, p))
        for p in ctx.quantities
    )


def _words_near(ctx: UnitContext, q: Quantity) -> set[str]:
    """The longer words (4+ letters, no change word) within `_NEAR` tokens of a figure, in its
    clause."""
    cs, ce = ctx.clause_of(q.token_start)
    return {
        ctx.lower(k)
        for k in range(max(cs, q.token_start - _NEAR), min(ce, q.token_end + _NEAR))
        if ctx.doc[k].is_alpha and len(ctx.doc[k]) >= 4 and not ctx.at("change", k)
    }


def _listed_level(ctx: UnitContext, q: Quantity) -> bool:
    """Story only: a figure in a list whose first item follows 'to' is a level reached, as
    that first one is ("increased to 10%, 50%, and finally 100%" of traffic)."""
    starts = {p.token_end: p for p in ctx.quantities}
    k = q.token_start - 1
    seen = False
    while k >= 0:
        if ctx.lower(k) in _LIST_JOINERS:
            seen = True
            k -= 1
            continue
        p = starts.get(k + 1) or starts.get(k)
        if p is None or not seen:
            return False
        if ctx.lower(p.token_start - 1) == "to":
            return True
        k, seen = p.token_start - 1, False
    return False


# ---------------------------------------------------------------------------------------
# email rules
# ---------------------------------------------------------------------------------------


@check("email-no-metric")
def email_no_metric(ctx: UnitContext) -> list[Hit]:
    """The email reinforces no quantified result the candidate can own."""
    # what each sentence gives is computed once: many figures in one long sentence stay linear
    seen: dict[tuple[int, int], tuple[str, int, bool, list[int], bool]] = {}
    for q in ctx.quantities:
        ts, te = ctx.sentence_of(q.token_start)
        if (ts, te) not in seen:
            sent = ctx.doc[ts:te]
            sentence = sent.text.lower()
            words = set(re.findall(r"[a-z']+", sentence))
            seen[ts, te] = (
                sentence,
                sent.start_char,
                bool(words & ctx.word_list("first-person")),
                _clause_bounds(sentence),
                ctx.covered_by("change", ts, te),
            )
        sentence, start_char, first_person, bounds, has_change = seen[ts, te]
        clause = _clause_around(sentence, q.start - start_char, bounds)
        if not first_person or re.search(r"\b(?:your|you|you're|yours)\b", clause):
            continue
        if q.kind in rule_param("email-no-metric", "ownable_kinds") and not (
            q.kind == "count" and (q.value or 0) < 2
        ):
            return []
        if q.kind == "duration" and ctx.lower(q.token_start - 1) in ("from", "to"):
            return []  # "took bulk listing from 4 days to 6 hours"
        if q.kind == "duration" and has_change:
            return []
    s, e = ctx.whole()
    return [Hit(s, e)]


def _clause_bounds(sentence: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer(r",|;|\band\b|\bbut\b", sentence)), len(sentence)]


def _clause_around(sentence: str, pos: int, bounds: list[int] | None = None) -> str:
    """The comma/'and'-delimited clause of a sentence that holds position `pos`."""
    bounds = bounds if bounds is not None else _clause_bounds(sentence)
    k = bisect_right(bounds, pos) - 1
    if 0 <= k < len(bounds) - 1 and bounds[k] <= pos < bounds[k + 1]:
        return sentence[bounds[k] : bounds[k + 1]]
    return sentence


@check("email-length")
def email_length(ctx: UnitContext) -> list[Hit]:
    """Over `max_words` (the rule's parameter): a thank-you note should be read in a minute."""
    n, limit = ctx.words(), int(rule_param("email-length", "max_words"))
    if n <= limit:
        return []
    s, e = ctx.whole()
    return [Hit(s, e, {"words": n, "limit": limit, "over": n - limit})]


# ---------------------------------------------------------------------------------------
# story rules
# ---------------------------------------------------------------------------------------
def spoken_seconds(words: int) -> int:
    """How many seconds `words` take to say at the `answer-length` rule's speaking rate."""
    return round(words * 60 / rule_param("answer-length", "words_per_minute"))


def format_duration(seconds: float) -> str:
    """A speaking time as every page and message shows it: '2 min 05 s', or '45 s' under a
    minute (whole seconds, rounded)."""
    minutes, secs = divmod(max(0, round(seconds)), 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


def spoken_time(words: int) -> str:
    """'2 min 40 s': how long `words` take to say at the rule's speaking rate."""
    return format_duration(spoken_seconds(words))


def _pronoun_count(ctx: UnitContext, text: str, name: str) -> int:
    """How many words of the list `name` the text holds; 'US' in capitals is the country."""
    words = ctx.word_list(name)
    return sum(
        w.lower() in words and (w != "US" or text.isupper())
        for w in re.findall(r"[A-Za-z]+(?:'[A-Za-z]+)?", text)
    )


def _section_span(ctx: UnitContext, name: str) -> tuple[int, int] | None:
    sec = ctx.story.section(name) if ctx.story else None
    return (sec.start, sec.end) if sec else None


@check("star-missing-section")
def star_missing_section(ctx: UnitContext) -> list[Hit]:
    """Situation, Task, Action or Result cannot be found. In unlabelled prose a section the
    decoder left out still counts as there when some sentence reads as it with at least the
    section's calibrated probability (`params.present_at_<section>`), and the Result is there
    only when some sentence states an outcome (`outcome_sentences`): a closing lesson,
    feeling or purpose is no Result."""
    if ctx.story is None:
        return []
    present = {s.name for s in ctx.story.sections}
    missing = [n for n in ("situation", "task", "action", "result") if n not in present]
    if ctx.story.sections:
        from starkit.story.segment import (
            implied_sections,
            label_names,
            outcome_sentences,
            section_presence,
            unnamed_headings,
        )

        outcomes = outcome_sentences(ctx.text)
        named = label_names(ctx.text)
        if named and unnamed_headings(ctx.text):
            return []  # told under its own headings: a section no label names may be there
        if outcomes is None:  # labelled: a section no label names may be told in another's
            implied = implied_sections(ctx.text)
            missing = [n for n in missing if n not in implied]
            if {"situation", "action"} <= present:
                # the Task of meeting it, the Situation and Action labelled or read from an
                # unlabelled opening ("A billing report DAG was taking 45 minutes. Profiled
                # it ... Result: 45 minutes → 4 minutes.")
                missing = [n for n in missing if n != "task"]
        if outcomes is not None:  # unlabelled prose
            evidence = section_presence(ctx.text) or {}
            missing = [
                n
                for n in ("situation", "task", "action")
                if n in missing
                and evidence.get(n, 0.0)
                < float(rule_param("star-missing-section", f"present_at_{n}"))  # type: ignore[arg-type]
            ]
            if "task" in missing and "situation" not in missing and _problem_taken_on(ctx):
                missing.remove("task")
            stated = [
                o
                for o in outcomes
                if not _background_opening(ctx, o)
                and not _complication_before_action(ctx, o)
                and not _step_of_the_action(ctx, o)
            ]
            if not stated and "result" not in named and not _closing_figure(ctx):
                missing.append("result")
    if not missing:
        return []
    s, e = ctx.whole()
    names = ", ".join(n.capitalize() for n in missing)
    return [Hit(s, e, {"missing": names, "sections": missing})]


def _closing_figure(ctx: UnitContext) -> bool:
    """Unlabelled prose: the story's closing sentence, told after an Action sentence, holds a
    measuring quantity ("Room temperatures stabilized within 5 minutes", "Light levels returned
    to spec (-3 dBm)"): a figure reported after the actions is their outcome, whatever its
    verb, so the story has a Result (its figure is the Result's). A sentence told to "you" or
    holding an aim or duty ("you're stuck with them for five hours", "I had to lead a team of
    seven") reports no outcome, and a transcribed spoken answer (one with a filler of
    `params.spoken_fillers`: "um", "uh") closes on a figure as it reflects ("being in charge
    of people for two or three days is the hardest thing I did"), so only written prose is
    read so."""
    from starkit.story.segment import aim_in, label_sentences

    labelled = label_sentences(ctx.text)
    if len(labelled) < 2:
        return False
    last = labelled[-1]
    if last.labelled or not any(sl.name == "action" for sl in labelled[:-1]):
        return False
    sentence = ctx.text[last.start : last.end]
    if _GENERIC_YOU.search(sentence) or aim_in(sentence):
        return False
    if _spoken(ctx):
        return False  # a transcribed spoken answer closes on a figure as it reflects
    return any(last.start <= q.start < last.end for q in ctx.quantities)


def _spoken(ctx: UnitContext) -> bool:
    """True for a transcribed spoken answer: it holds a filler (`spoken_fillers` of
    star-missing-section: "um", "uh")."""
    fillers = frozenset(rule_param("star-missing-section", "spoken_fillers"))  # type: ignore[arg-type]
    return not fillers.isdisjoint(ctx.lower_set)


_GENERIC_YOU = re.compile(r"(?i)\b(?:you|your|you[’']re)\b")


def _problem_taken_on(ctx: UnitContext) -> bool:
    """Unlabelled prose: the Task is inferred when a Situation sentence tells the state of
    things without the candidate in it (no first-person singular: "Recently, a client noticed
    inconsistencies between dashboards") and an Action sentence then has the candidate take it
    on in the first person (a cue of `params.task_taken_on_by`: "I corrected the data at its
    source"). A Situation (or opening) sentence told about the writer counts when it states a
    problem (a cue of `params.problem_cues`: "I noticed the leads were unusually high"); one that
    states none ("One of my failures was a feature I launched") or an Action told only with
    "we" infers no Task."""
    from starkit.story.segment import acts_on_it, label_sentences

    text = ctx.doc_text.replace("’", "'")
    problem_cues = set(rule_param("star-missing-section", "problem_cues"))  # type: ignore[arg-type]
    labelled = label_sentences(ctx.text)
    scene = any(
        (sl.name == "situation" or k == 0)  # the opening sentence sets the scene
        and (
            problem_cues.intersection(sl.cues)
            or (
                sl.name == "situation"
                and not _pronoun_count(ctx, text[sl.start : sl.end], "i-pronouns")
            )
        )
        for k, sl in enumerate(labelled)
    )
    taken_on_by = rule_param("star-missing-section", "task_taken_on_by")
    return scene and acts_on_it(ctx.text, taken_on_by)  # type: ignore[arg-type]


def _background_opening(ctx: UnitContext, outcome: tuple[int, int, str]) -> bool:
    """True when an outcome word sits in the story's opening sentence, read as its Situation,
    and that sentence is short (`params.opening_max_words`): "Our sign-ups had dropped 15%",
    "we often shipped bugs" set the scene, they are no Result. A long spoken run-on that tells
    the whole story in its first sentence keeps its outcome."""
    lo, hi, name = outcome
    if name != "situation":
        return False
    from starkit.story.segment import label_sentences

    labelled = label_sentences(ctx.text)
    limit = int(rule_param("star-missing-section", "opening_max_words"))
    return bool(labelled) and labelled[0].start == lo and len(ctx.text[lo:hi].split()) <= limit


def _run_on_opening(ctx: UnitContext, outcome: tuple[int, int, str]) -> bool:
    """True when an outcome sits in the story's opening sentence, read as its Situation, and
    that sentence is longer than `params.opening_max_words`: a spoken run-on that tells the
    whole story in one sentence ("it was in my first job, ..., as a result it was hard for my
    team members to understand what i'm doing, ...") states its outcome there, and that
    outcome is the Result `star-missing-section` finds, so `result-unquantified` judges it when
    the decoder placed no Result elsewhere."""
    lo, hi, name = outcome
    if name != "situation":
        return False
    from starkit.story.segment import label_sentences

    labelled = label_sentences(ctx.text)
    limit = int(rule_param("star-missing-section", "opening_max_words"))
    return bool(labelled) and labelled[0].start == lo and len(ctx.text[lo:hi].split()) > limit


def _complication_before_action(ctx: UnitContext, outcome: tuple[int, int, str]) -> bool:
    """Unlabelled prose, for `star-missing-section` only: a short sentence read as the Task,
    before any Action sentence, tells a complication of the set-up ("This created tension
    within our team", "it's kind of hard to keep everybody on task"), not how the story ended;
    a story whose only outcome word sits there has no Result. (`result-unquantified` keeps it:
    a spoken answer may tell its outcome early, and its figure is then the Result's.)"""
    lo, hi, name = outcome
    if name != "task":
        return False
    from starkit.story.segment import label_sentences

    labelled = label_sentences(ctx.text)
    limit = int(rule_param("star-missing-section", "opening_max_words"))
    first_action = next((sl.start for sl in labelled if sl.name == "action"), None)
    if _FROM_TO_FIGURES.search(ctx.text[lo:hi]):
        return False  # "reduced processing time from 5 min → 30 sec": a measured change
    return first_action is not None and lo < first_action and len(ctx.text[lo:hi].split()) <= limit


# A change measured from one figure to another: "from 5 min → 30 sec", "from 40% to 12%"
_FROM_TO_FIGURES = re.compile(r"(?i)\bfrom\s+[$£€~]?\d[^.;]{0,30}?(?:\bto\b|→|->)\s*[$£€~]?\d")


def _step_of_the_action(ctx: UnitContext, outcome: tuple[int, int, str]) -> bool:
    """Unlabelled prose, for `star-missing-section` only: a consequence that opens the next
    step (`params.step_consequence`: "That let us identify risks before they became
    surprises") with the candidate acting again in the first person after it (a later Action
    sentence with a cue of `params.task_taken_on_by`) is a step of the Action, not how the
    story ended."""
    lo, hi, _ = outcome
    patterns = rule_param("star-missing-section", "step_consequence")
    if not any(re.search(p, ctx.text[lo:hi]) for p in patterns):  # type: ignore[union-attr]
        return False
    from starkit.story.segment import label_sentences

    taken_on_by = set(rule_param("star-missing-section", "task_taken_on_by"))  # type: ignore[arg-type]
    return any(
        sl.name == "action" and taken_on_by.intersection(sl.cues)
        for sl in label_sentences(ctx.text)
        if sl.start >= hi
    )


@check("result-unquantified")
def result_unquantified(ctx: UnitContext) -> list[Hit]:
    """The Result section holds no measuring quantity. In unlabelled prose the Result is what
    the story states as its outcome: the sentences after the Situation that state one ("we
    built fourteen greenhouses", "it worked out"), not whatever the decoder placed last; with
    no outcome stated there is no Result, and `star-missing-section` reports it instead."""
    span = _section_span(ctx, "result")
    spans = [span] if span else []
    if ctx.story is not None and ctx.story.sections:
        from starkit.story.segment import labelled_sentences, outcome_sentences

        told = labelled_sentences(ctx.text, "result")
        if told and span:  # judge the labelled Result sentences, report the Result section
            if any(lo <= q.start < hi for q in ctx.quantities for lo, hi in told):
                return []
            return [Hit(span[0], span[1], {"result": ctx.text[span[0] : span[1]]})]
        outcomes = outcome_sentences(ctx.text)
        if outcomes is not None:
            outcomes = [o for o in outcomes if not _background_opening(ctx, o)]
            if not outcomes:
                return []
            told = [
                (lo, hi)
                for lo, hi, name in outcomes
                if name != "situation" or (not span and _run_on_opening(ctx, (lo, hi, name)))
            ]
            if told and span and (_in_paragraphs(ctx) or not _spoken(ctx)):
                # a closing paragraph, or the close of written prose, is the Result as a whole:
                # "launched it to all hosts" in the Action is no Result with "Within a month
                # 9% of our top hosts had left" after it
                judged = [*told, span]
                if any(lo <= q.start < hi for q in ctx.quantities for lo, hi in judged):
                    return []
            spans = told or spans
    if not spans:
        return []
    if any(lo <= q.start < hi for q in ctx.quantities for lo, hi in spans):
        return []
    s, e = spans[-1]
    return [Hit(s, e, {"result": ctx.text[s:e]})]


def _in_paragraphs(ctx: UnitContext) -> bool:
    """True when unlabelled prose is written in paragraphs or lines, one part each (at least
    `params.paragraphs` non-empty lines), not told in one run as a spoken answer is: its
    decoded Result is then its closing paragraph, read whole ("Within 3 months, the engineer
    was contributing independently" holds the Result's figure with no outcome word)."""
    lines = sum(1 for line in ctx.text.splitlines() if line.strip())
    return lines >= int(rule_param("result-unquantified", "paragraphs"))


# A quoted passage on one line: double or curly quotes, or single quotes that open after no
# letter and close before none ("the answer to 'should we roll back' cannot be", "I told them
# "we ship Friday""); an apostrophe inside a word ("don't") opens nothing.
_QUOTED = re.compile(r"\"[^\"\n]{1,300}\"|“[^”\n]{1,300}”|(?<![\w'])'[^'\n]{1,300}?'(?![\w'])")


# A question asked: a sentence or line that opens on a question word and ends on a question
# mark ("How'd you hear of us?", "What 3 features could we get rid of?"); a transcriber's
# "[xx?]" or a "?" inside a run-on sentence asks nothing.
_ASKED = re.compile(
    r"(?im)(?:^|(?<=[.!?]))[ \t]*(?:[-*•][ \t]+)?(?:how|what|why|when|where|who|which|would"
    r"|could|can|should|do|does|did|is|are|will|have|has)\b[^.!?\n\[]*\?"
)


@check("we-not-i")
def we_not_i(ctx: UnitContext) -> list[Hit]:
    """In the Action section "we" outnumbers "I". In unlabelled prose the Action is every
    sentence that tells an action (`action_sentences`), wherever the decoder placed it; with
    none, there is no Action to judge (`star-missing-section` may report it)."""
    span = _section_span(ctx, "action")
    parts = [span] if span else []
    if ctx.story is not None:
        from starkit.story.segment import (
            action_sentences,
            before_outcome_sentences,
            labelled_sentences,
        )

        told = action_sentences(ctx.text)
        parts = (labelled_sentences(ctx.text, "action") or parts) if told is None else told
        if told is not None and not _spoken(ctx):
            # written prose: what the Action does, told before any outcome, is still the
            # Action ("This way, we are not clogging up the servers")
            parts = sorted({*parts, *before_outcome_sentences(ctx.text)})
        elif told is not None:
            parts = _acting_sentences(ctx.text, parts)
    if not parts:
        return []
    text = ctx.doc_text.replace("’", "'")
    # quoted words and questions asked are speech, not narration of who did the work
    told = [_ASKED.sub(" ", _QUOTED.sub(" ", text[lo:hi])) for lo, hi in parts]
    we = sum(_pronoun_count(ctx, t, "we-pronouns") for t in told)
    i = sum(_pronoun_count(ctx, t, "i-pronouns") for t in told)
    if we <= i:
        return []
    s, e = span or (parts[0][0], parts[-1][1])
    times = {n: "once" if n == 1 else f"{n} times" for n in (we, i)}  # not "'I' 1 times"
    return [Hit(s, e, {"we": we, "i": i, "we_times": times[we], "i_times": times[i]})]


def _acting_sentences(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A spoken answer's Action, less the sentences the decoder placed there by position that
    tell no action by any cue of their own: a challenge or a state ("The real challenge we had
    was getting people to commit", "none of us had any computer science background", "So it
    required a lot of teamwork") says who faced it, not who did the work."""
    from starkit.story.segment import label_sentences

    acting = {
        sl.start for sl in label_sentences(text) if any(c.startswith(_ACTION_CUE) for c in sl.cues)
    }
    return [(lo, hi) for lo, hi in parts if lo in acting]


_ACTION_CUE = "action-"  # the segmenter's cues of a sentence that tells an action


def spoken_words(ctx: UnitContext) -> int:
    """The words of a unit as said aloud: a story's section labels ("Situation:", "**T:**")
    are not spoken, so not counted."""
    n = ctx.words()
    if ctx.story is not None:
        from starkit.story.segment import find_labels
        from starkit.textio import count_words

        n -= sum(count_words(ctx.text[lab.start : lab.end]) for lab in find_labels(ctx.text))
    return n


@check("answer-length")
def answer_length(ctx: UnitContext) -> list[Hit]:
    """Spoken at the rule's rate the story runs outside its word window (`params`)."""
    n = spoken_words(ctx)
    lo, hi = (
        int(rule_param("answer-length", "min_words")),
        int(rule_param("answer-length", "max_words")),
    )
    if lo <= n <= hi:
        return []
    s, e = ctx.whole()
    side = "short" if n < lo else "long"
    fields = {"words": n, "time": spoken_time(n), "side": side, "min_words": lo, "max_words": hi}
    wpm = rule_param("answer-length", "words_per_minute")
    fields |= {"min_minutes": round(lo / wpm, 1), "max_minutes": round(hi / wpm, 1)}
    fields["gap"] = lo - n if side == "short" else n - hi
    return [Hit(s, e, fields)]
