"""Contacts: stacked left or right, two side by side, labelled ("Media Contact:"), or inline
PR Newswire trailers ("/CONTACT: Jane Roe, +1-212-555-0100, or John Doe, ..., both of Acme Corp./").
"""
from __future__ import annotations

import re
from typing import Final

from ..knowledge import COMPANY_SUFFIXES, ORGANIZATION_WORDS, TITLE_WORDS
from ..lines import indent, normalize
from ..records import Contact
from .front import EMAIL, PHONE, RELEASE_NUMBER, URL, has_email, has_phone, is_contact_start

_LABEL: Final = re.compile(r"^\s*+/?\s*+(?P<label>[^:]{0,50}?)\s*+:\s*", re.IGNORECASE)  # possessive: linear on long blank runs
_ROLE_LABEL: Final = re.compile(
    r"^(?:(?:[A-Z][\w&/.-]*\s+){1,4}Contacts?"
    r"|(?:Investors?|Media|Press|Analysts?|Shareholders?)(?:\s+(?:Relations|Inquiries))?"
    r"|(?:Investor|Public|Media|Shareholder|Corporate)\s+(?:Relations|Communications))$",
    re.IGNORECASE,
)
_FAX: Final = re.compile(r"\bFax\b\s*(?:#|No\.?|Number)?\s*:?\s*", re.IGNORECASE)
_PHONE_LABEL: Final = re.compile(r"^(?:Phone|Tel(?:ephone)?|Ph|Voice|Office|Direct|Main)\b\.?\s*(?:#|No\.?)?\s*:?\s*", re.I)
_EMAIL_LABEL: Final = re.compile(r"^e-?mail\s*:?\s*", re.IGNORECASE)
# "FOR IMMEDIATE RELEASE        Contact:  Jane Roe": a header printed left of the contact label.
_LEFT_HEADER: Final = re.compile(r"^.*?\S\s{3,}(?=[A-Za-z ]{0,30}\bcontacts?\s*:)", re.IGNORECASE)
_SEPARATOR: Final = re.compile(r"^-*+\s*+(?:or|and)?\s*+-*+$", re.IGNORECASE)  # "or", "- or -", "--"
# The lookahead skips starts inside a run of blanks (the run's first blank starts the same match), so a
# search stays linear; ``.*\S|\s`` is the lazy ``.+?`` before ``\s*$`` without its quadratic retries.
_SHARED_ORGANIZATION: Final = re.compile(r"(?!(?<=\s)[^,]),?+\s*+\b(?:both|all)\s+(?:of|at|with)\s+(?P<org>.*\S|\s)\s*$")
_NAME_WORD: Final = re.compile(r"^(?:[A-Z]'[A-Z][a-z]+|[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|[A-Z]\.|[A-Z][a-z]*\.|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|[A-Z][a-z]*[A-Z][a-z]+)$")
_NAME_PREFIX: Final = ("Dr.", "Mr.", "Ms.", "Mrs.", "Miss")
_NAME_SUFFIX: Final = ("Jr.", "Sr.", "II", "III", "IV", "Ph.D.", "CPA", "CFA")
_BARE_SUFFIX: Final = {suffix.rstrip(".").lower() for suffix in COMPANY_SUFFIXES}
_STRONG_TITLE: Final = frozenset(word for word in TITLE_WORDS if word not in ("Relations", "Communications", "Partner", "Associate"))
_ORGANIZATION_PHRASES: Final = tuple(f" {word} " for word in ORGANIZATION_WORDS if " " in word or len(word) >= 4)
# The same split: a one-word phrase is found among a text's words as a set, the others in its text.
_ORGANIZATION_WORDS: Final = frozenset(phrase.strip() for phrase in _ORGANIZATION_PHRASES if phrase.count(" ") == 2)
_ORGANIZATION_MULTIWORD: Final = tuple(phrase for phrase in _ORGANIZATION_PHRASES if phrase.count(" ") > 2)
_TRAILING: Final = " ,;:/"
_DEPARTMENT: Final = re.compile(
    r"^(?:Investor|Public|Corporate|Media|Shareholder)?\s*(?:Relations|Communications|Marketing|Finance|Sales|Operations|Development|Affairs)$"
)
_PLACE_SUFFIX: Final = re.compile(r",\s*(?:[A-Z][a-z]+\.?)(?:\s[A-Z][a-z]+\.?){0,2}$")


def read_contacts(groups: list[list[tuple[int, str]]]) -> list[Contact]:
    """Contacts from contact blocks; each group is one block's (line number, text) pairs."""
    contacts: list[Contact] = []
    for group in groups:
        if not group:
            continue
        if group[0][1].lstrip().startswith("/") or _is_sentence(group):
            contacts += _read_inline(group)
        else:
            for column in _columns(group):
                contacts += _read_stack(column)
    return contacts


class _Draft:
    """A contact being filled in, field by field, with the lines it came from."""

    def __init__(self) -> None:
        self.fields: dict[str, str] = {}
        self.lines: list[int] = []

    def has(self, key: str) -> bool:
        return key in self.fields

    def set(self, key: str, value: str, line: int) -> None:
        value = normalize(value).strip(_TRAILING)
        if value:
            self.fields[key] = value
            self.lines.append(line)

    def substantive(self) -> bool:
        return not self.fields.keys().isdisjoint(("name", "phone", "email", "fax"))

    def build(self) -> Contact:
        get = self.fields.get
        return Contact(
            name=get("name"), organization=get("organization"), title=get("title"),
            phone=get("phone"), fax=get("fax"), email=get("email"),
            lines=(min(self.lines), max(self.lines)),
        )


class _Collector:
    def __init__(self) -> None:
        self.done: list[_Draft] = []
        self.draft = _Draft()
        self.label: str = ""  # the role label's text (mypyc: a native class declares its attributes)
        self.label_at: int | None = None  # index of the first contact under a role label
        self.shared_organization: str | None = None  # an organization heading a block of contacts
        self.done_since_label = 0
        self.last_key: str | None = None

    def new_block(self) -> None:
        """A contact label or an "or" line: what heads the next contacts starts afresh."""
        self.flush()
        self.shared_organization = None
        self.done_since_label = 0

    def drop_shared_label(self) -> None:
        """A role label over several contacts is a heading ("[Press Information Contact:]")."""
        if self.label_at is not None and len(self.done) - self.label_at >= 2:
            for draft in self.done[self.label_at:]:
                if draft.fields.get("title") == self.label:
                    del draft.fields["title"]
        self.label_at = None

    def flush(self) -> None:
        if self.shared_organization and self.draft.substantive() and not self.draft.has("organization"):
            self.draft.set("organization", self.shared_organization, self.draft.lines[0])
        if self.draft.substantive():
            self.done_since_label += 1
        if self.draft.substantive() or (self.draft.has("organization") and self.draft.lines):
            self.done.append(self.draft)
        elif self.done and self.draft.fields:
            # A trailing organization or title belongs to the contact before it.
            for key, value in self.draft.fields.items():
                if not self.done[-1].has(key):
                    self.done[-1].set(key, value, self.draft.lines[0])
        self.draft = _Draft()

    def put(self, key: str, value: str, line: int) -> None:
        # "Investor Relations" under a title continues it; after a label or "or" the draft is new
        # and has no title to continue.
        if key == "title" and self.last_key == "title" and self.draft.has("title") and _DEPARTMENT.match(value.strip()):
            self.draft.fields["title"] += ", " + normalize(value)
            return
        self.last_key = key
        if key == "organization":
            place = _PLACE_SUFFIX.search(value)
            if place and _is_organization(value[: place.start()]) and value[place.start():].strip(", .").rstrip(".").lower() not in _BARE_SUFFIX:
                value = value[: place.start()]  # Business Wire's "Acme Corp., Sunnyvale"
            if not self.draft.fields and not self.done_since_label:
                self.shared_organization = value
        clash = self.draft.has(key) or (key == "name" and self.draft.has("phone") and self.draft.has("name"))
        if clash or (key == "name" and (self.draft.has("phone") or self.draft.has("email")) and not self.draft.has("name") and self.done):
            self.flush()
        self.draft.set(key, value, line)

    def contacts(self) -> list[Contact]:
        self.flush()
        return [draft.build() for draft in self.done]


_CONTACT_SENTENCE: Final = re.compile(r"(?:For\s+(?:further|more)\s+information,?\s+(?:please\s+)?)?contact\s+[A-Z]", re.I)


def _is_sentence(group) -> bool:
    """A contact written as running text: "For more information contact Jane Roe, Treasurer, ..."."""
    first = group[0][1].strip()
    return bool(_CONTACT_SENTENCE.match(first)) and ":" not in first


_COLUMN_GAP: Final = re.compile(r"\S\s{3,}(?=\S)")  # the end of a left column and the start of a right one


def _columns(group):
    """Split side-by-side contacts into a left and a right column where the layout shows two."""
    starts: list[int] = []
    for _, text in group:
        for match in _COLUMN_GAP.finditer(text):
            left = text[: match.start() + 1].strip()
            if left and not left.endswith(":"):
                starts.append(match.end())
    if len(starts) < 2:
        return [group]
    column = min(starts)
    if sum(1 for start in starts if abs(start - column) <= 3) < 2:
        return [group]
    rights = [text[column:].strip() for _, text in group if text[column:].strip()]
    if all(has_phone(r) or has_email(r) or _FAX.match(r) for r in rights):
        return [group]  # "Jane Roe, Treasurer        (330) 555-0155": one contact a line
    # Lines printed only on the left above the first two-sided line head both columns.
    both = [n for n, text in group if text[:column].strip() and text[column:].strip() and text[column - 1] == " "]
    head = [(n, text) for n, text in group if both and n < both[0]]
    left, right = list(head), list(head)
    # The right column is re-indented like the left one, so wrapped-line joining reads both alike.
    margin = min((indent(text) for n, text in group if n in both), default=0)
    for n, text in group:
        if head and n <= head[-1][0]:
            continue
        if len(text) > column and text[column - 1] != " " and text[column] != " ":
            left.append((n, text))  # the cut would fall inside a word: the line is not split
            continue
        if text[:column].strip():
            left.append((n, text[:column]))
        if text[column:].strip():
            shift = indent(text[column:])
            right.append((n, " " * (margin + shift) + text[column:].lstrip()))
    columns = [c for c in (left, right) if any(_means(t) or is_contact_start(t.strip()) for _, t in c)]
    return columns or [group]


def _means(text: str) -> bool:
    return bool(has_phone(text) or has_email(text))


def _content_column(text: str) -> int:
    """Where a line's words start; after the label on a "Contact:  Jane Roe" line."""
    match = _LABEL.match(text) if is_contact_start(text) else None
    if match and text[match.end():].strip():
        return match.end()
    return indent(text)


def _merge_wrapped(column):
    """Join a line printed deeper than the one above it onto that line (a wrapped title)."""
    merged: list[tuple[int, str]] = []
    for number, text in column:
        if (
            merged
            and indent(text) > _content_column(merged[-1][1]) + 1
            and not has_phone(text) and not has_email(text)
            and not _SEPARATOR.match(text.strip())
            and not merged[-1][1].rstrip().endswith(":")
            and not has_phone(merged[-1][1]) and not has_email(merged[-1][1])
        ):
            merged[-1] = (merged[-1][0], merged[-1][1].rstrip() + " " + text.strip())
        else:
            merged.append((number, text))
    return merged


def _read_stack(column) -> list[Contact]:
    collector = _Collector()
    previous = None
    column = [(number, _LEFT_HEADER.sub(lambda m: " " * len(m.group(0)), text)) for number, text in column]
    printed = {number for number, _ in column}
    for number, text in _merge_wrapped(column):
        if previous is not None and any(k not in printed for k in range(previous + 1, number)):
            collector.flush()  # a blank line between stacks
        previous = number
        line = text.strip().strip("[]").strip()
        while line and is_contact_start(line) and _LABEL.match(line):
            collector.new_block()
            collector.drop_shared_label()
            line = _take_label(collector, line, number)
        if line and is_contact_start(line):
            collector.new_block()
            line = _take_label(collector, line, number)
        if not line or RELEASE_NUMBER.search(line) or (URL.search(line) and not has_email(line) and not has_phone(line)):
            continue
        if _SEPARATOR.match(line):
            collector.new_block()
            continue
        _read_line(collector, line, number)
    collector.flush()
    collector.drop_shared_label()
    return collector.contacts()


_ASKS_FOR_INFORMATION: Final = re.compile(r"^for\b|further|more\s+information", re.I)


def _take_label(collector: _Collector, line: str, number: int) -> str:
    match = _LABEL.match(line)
    if not match:
        return "" if len(line.split()) <= 4 else line
    label = normalize(match["label"].strip(" [](/"))
    if _ROLE_LABEL.match(label) and not _ASKS_FOR_INFORMATION.search(label):
        collector.draft.set("title", label, number)
        collector.label_at, collector.label = len(collector.done), normalize(label)
    return line[match.end():].strip(" ]")


_EMAIL_WORD: Final = re.compile(r"\b(?:e-?mail)\s*:?", re.I)
_WEB_LABEL_ALONE: Final = re.compile(r"^(?:Web\s*site|Website|URL)\s*:?\s*$", re.I)


def _read_line(collector: _Collector, line: str, number: int) -> None:
    """One printed line: words (name, title, organization) first, then phone, fax and e-mail."""
    line = line.strip(" []")
    fax_match = _FAX.search(line)
    before, fax = (line[: fax_match.start()], line[fax_match.end():]) if fax_match else (line, "")
    email = EMAIL.search(before)
    if email:
        before = before.replace(email.group(0), " ")
        before = _EMAIL_WORD.sub(" ", before)
    phones = list(PHONE.finditer(before))
    rest = before[: phones[0].start()] + " " + before[phones[-1].end():] if phones else before
    rest = URL.sub(" ", _PHONE_LABEL.sub("", rest.strip())).strip(" ,;:-")
    rest = _WEB_LABEL_ALONE.sub("", rest)
    if rest:
        _read_words(collector, rest, number)
    if phones:
        collector.put("phone", _phone_text(before), number)
    if fax and PHONE.search(fax):
        collector.put("fax", _phone_text(fax), number)
    if email:
        collector.put("email", email.group(0), number)


def _phone_text(text: str) -> str:
    phones = list(PHONE.finditer(text))
    if not phones:
        return ""
    return normalize(text[phones[0].start(): phones[-1].end()])


_ROLE_IN_BRACKETS: Final = re.compile(r"(?<!\s)\s*+\((?P<role>[a-z][a-z ]{2,30})\)$")  # no start inside blanks: linear
_FOR_CLIENT: Final = re.compile(r"^for\s")
# The lookbehind tries a head only where its blanks start (else one char), so a long blank run is linear.
_TITLE_OF_ORGANIZATION: Final = re.compile(r"^(?P<head>.+?)(?:(?<!\s)|(?<=^.))\s++of\s+(?P<org>[A-Z][\w&.'-]*(?:,?\s+(?:[A-Z&][\w&.'-]*|and|of))*)$")


def _read_words(collector: _Collector, text: str, number: int) -> None:
    """A text piece of a contact: a name, a title, an organization, "Name, Title", "Title of Org"."""
    text = text.strip(" ,;")
    role = _ROLE_IN_BRACKETS.search(text)
    if role:  # "Mark W. Pell (investors)"
        _read_words(collector, text[: role.start()], number)
        collector.put("title", role["role"], number)
        return
    if _FOR_CLIENT.match(text):
        return  # "for Acme Corp.": the client an agency speaks for
    of = _TITLE_OF_ORGANIZATION.match(text)
    if of and not _DEPARTMENT.match(of["org"]) and (_is_person(of["head"]) or _kind_of(of["head"], collector) == "title"):
        _read_words(collector, of["head"], number)
        collector.put("organization", of["org"], number)
        return
    head, sep, tail = text.partition(",")
    first_of_tail = tail.split(",")[0].strip().rstrip(".").lower()
    if sep and _is_person(head) and tail.strip() and first_of_tail not in _BARE_SUFFIX:
        collector.put("name", head, number)
        _read_words(collector, tail.strip(), number)
        return
    collector.put(_kind_of(text, collector), text, number)


_CONTACT_WORD_AT_END: Final = re.compile(r"\bContacts?$")
_CONTACT_WORD: Final = re.compile(r"\bContacts?\b")


def _kind_of(text: str, collector: _Collector) -> str:
    words = text.replace(",", " ").split()
    if any(word.strip(".,").capitalize() in _STRONG_TITLE or word.strip(".,") in _STRONG_TITLE for word in words) or _CONTACT_WORD_AT_END.search(text):
        return "title"
    if _DEPARTMENT.match(text.strip()) or _ROLE_LABEL.match(text.strip()):
        return "title"  # "Investor Relations" printed for one person is a role
    if _is_organization(text):
        return "organization"
    if _is_person(text):
        return "name"
    if _CONTACT_WORD.search(text):
        return "title"
    return "organization" if collector.draft.has("name") else "name"


def _is_organization(text: str) -> bool:
    words = [word.strip(",") for word in text.split()]
    if any(word.rstrip(".").lower() in _BARE_SUFFIX for word in words[1:]):
        return True
    if not _ORGANIZATION_WORDS.isdisjoint(words):
        return True  # " Inc. " in the words joined by blanks: "Inc." is one of the words
    spaced = f" {' '.join(words)} "
    return any(phrase in spaced for phrase in _ORGANIZATION_MULTIWORD)


def _is_person(text: str) -> bool:
    words = text.strip().split()
    while words and words[0] in _NAME_PREFIX:
        words = words[1:]
    while words and words[-1].strip(",") in _NAME_SUFFIX:
        words = words[:-1]
    if not 2 <= len(words) <= 4:
        return False
    if any(word.strip(".").lower() in _BARE_SUFFIX for word in words) or _is_organization(text):
        return False
    return all(_NAME_WORD.match(word) for word in words) and not any(word in TITLE_WORDS for word in words)


_INLINE_LABEL: Final = re.compile(r"^/?\s*(?:CONTACTS?|For\s+(?:further|more)\s+information)\s*:\s*", re.I)
_STOP_AFTER_DIGIT: Final = re.compile(r"(?<=\d)\.$")  # the full stop of a contact written as a sentence
_CONTACT_LEAD: Final = re.compile(r"^(?:For\s+(?:further|more)\s+information,?\s+(?:please\s+)?)?contact\s+", re.I)
_MEANS_LABEL: Final = re.compile(r"\b(fax|phone|tel)\s*[,:]\s*", re.I)
_OR_BETWEEN_CONTACTS: Final = re.compile(r"(?!(?<=\s)\s)[,;]?\s++or\s+|;\s*")


def _read_inline(group) -> list[Contact]:
    """PR Newswire trailer: one running text of "Title, Name, phone, or ..., both of Org"."""
    first = group[0][0]
    text = normalize(" ".join(text for _, text in group))
    text = _INLINE_LABEL.sub("", text).rstrip(" /")
    text = _STOP_AFTER_DIGIT.sub("", text)
    text = _CONTACT_LEAD.sub("", text)
    text = _MEANS_LABEL.sub(r"\1 ", text)
    shared = _SHARED_ORGANIZATION.search(text)
    if shared:
        text = text[: shared.start()]
    collector = _Collector()
    for chunk in _OR_BETWEEN_CONTACTS.split(text):
        means_only = all(EMAIL.fullmatch(p) or PHONE.fullmatch(p) or (_FAX.match(p) and PHONE.search(p))
                         for p in _comma_pieces(chunk))
        if not means_only:
            collector.flush()
        for piece in _comma_pieces(chunk):
            number = _line_of(group, piece) or first
            if has_email(piece) or has_phone(piece) or _FAX.search(piece):
                _read_line(collector, piece, number)
            elif piece and not URL.fullmatch(piece):
                _read_words(collector, piece, number)
    contacts = collector.contacts()
    if shared:
        organization = shared["org"].strip(" ./") + ("." if shared["org"].strip(" /").endswith(".") else "")
        contacts = [
            contact if contact.organization else _with(contact, organization=organization) for contact in contacts
        ]
    return contacts


def _comma_pieces(chunk: str) -> list[str]:
    """Split on commas, keeping "Acme, Inc." together."""
    pieces: list[str] = []
    for piece in (part.strip() for part in chunk.split(",")):
        if pieces and piece.rstrip(".").lower() in _BARE_SUFFIX:
            pieces[-1] += ", " + piece
        elif piece:
            pieces.append(piece)
    return pieces


def _line_of(group, piece: str) -> int | None:
    head = piece.split()[0] if piece.split() else ""
    for number, text in group:
        if head and head in text:
            return number
    return None


def _with(contact: Contact, **changes) -> Contact:
    from attrs import evolve

    return evolve(contact, **changes)
