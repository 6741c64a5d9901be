#!/usr/bin/env python3
"""Generates Rapport's standard IT skill taxonomy.

Usage (from the repository root):

    python3 scripts/taxonomy/build.py [--shared ../shared/data/skills] [--out PATH] [--check] [--report]

Inputs, in order of precedence:

1. The demo taxonomy (`Sources/RapportDemo/Taxonomy.swift`): its 210 skills are ids 1…210, unchanged.
2. The hand-curated IT core (`scripts/taxonomy/curated.tsv`): new skills, extra aliases and every relation,
   plus the decisions about the two sources below.
3. GitHub Linguist `languages.yml` (MIT): programming languages and their aliases.
4. O*NET Technology Skills (CC BY 4.0): technologies used by IT occupations, with the Hot Technology and
   In Demand flags.

Output: `Sources/RapportMatch/Taxonomy/StandardTaxonomy+Data.swift`, one tab-separated line per skill
(`id, name, category, practice, aliases, implies, related, flags`), parsed by `StandardTaxonomy.parse`.

Ids are append-only: the existing output file is the id ledger. A skill keeps its id for ever; new skills
are appended; a skill that would disappear stops the build (rename it in the `[renames]` section instead).
The output is deterministic: the same inputs always give the same bytes. Python 3 standard library only.
See ATTRIBUTION.md beside this file.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from collections import defaultdict

VERSION = "2026.12.1"

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEMO_SWIFT = os.path.join(ROOT, "Sources", "RapportDemo", "Taxonomy.swift")
CURATED = os.path.join(HERE, "curated.tsv")
OUTPUT = os.path.join(ROOT, "Sources", "RapportMatch", "Taxonomy", "StandardTaxonomy+Data.swift")

PRACTICES = {"java", "dotnet", "cloud", "data", "frontend", "security", "erp", "delivery"}

# The fixed category vocabulary: the demo's categories plus `library` and `certification`.
CATEGORIES = {
    "language": "programming, query, markup and configuration languages",
    "framework": "application frameworks and runtimes",
    "library": "libraries used inside code",
    "database": "database engines and data stores",
    "data": "data engineering, analytics, BI and machine-learning products",
    "cloud": "cloud providers and managed cloud services",
    "devops": "build, delivery, infrastructure-as-code and observability tools",
    "platform": "operating systems, application servers and platforms",
    "tool": "developer and productivity tools",
    "testing": "test frameworks, test tools and testing disciplines",
    "security": "security products, standards and disciplines",
    "network": "networking protocols, products and disciplines",
    "erp": "ERP suites and their modules",
    "crm": "CRM suites and their clouds",
    "integration": "integration platforms, middleware and interchange standards",
    "practice": "methods, disciplines and ways of working",
    "certification": "professional certifications",
}

# O*NET occupations whose technologies seed the taxonomy: computer occupations, mathematical science
# (data science, statistics, operations research), IT managers and computer hardware engineers.
IT_OCCUPATION_PREFIXES = ("15-12", "15-20", "11-3021", "17-2061")

# Vendor words O*NET puts in front of product names; stripped when matching O*NET names to skills.
VENDORS = [
    "Amazon Web Services AWS", "Amazon Web Services", "Amazon", "AWS", "Microsoft", "Oracle", "IBM", "Apache",
    "Google", "Adobe", "Apple", "Atlassian", "Red Hat", "SAP", "Salesforce", "Cisco Systems", "Cisco",
    "Hewlett Packard", "Hewlett-Packard", "HP", "The MathWorks", "The Mathworks", "MathWorks", "JetBrains",
    "HashiCorp", "Sun Microsystems", "Embarcadero", "Embarcadero Technologies", "Symantec", "McAfee", "Quest",
    "Micro Focus", "Broadcom", "CA", "CA Technologies", "VMware", "VMWare", "Juniper Networks", "Palo Alto Networks",
    "Dell", "EMC", "Teradata", "Informatica", "Informatica Corporation", "Talend", "Qlik", "Qlik Tech",
    "Wolfram Research", "ESRI", "Esri", "Autodesk", "Intel", "NVIDIA", "Progress", "Portswigger", "Guidance Software",
    "Invicti", "Tenable", "Rapid7", "SmartBear", "SmartBear Software", "Borland", "Wind River", "Wind River Systems",
    "National Instruments", "StataCorp", "Mentor Graphics", "Cadence", "Synopsys", "Xilinx", "Eclipse", "Meta",
    "Facebook", "NCR", "Sybase", "Pivotal", "Grafana Labs", "NortonLifeLock", "Trend Micro", "Rogue Wave",
]

# Aliases from the sources (not the curated ones) that are dropped: common English words, shell commands,
# editor names and other spellings that would match ordinary text.
SOURCE_ALIAS_STOPWORDS = {
    "apples", "be", "cake", "cakescript", "coffee", "console", "progress", "inc", "rake", "make", "flex", "squeak",
    "clipper", "node", "ls", "bash session", "envrc", "emacs", "vim", "nvim", "carto", "wast", "rusthon", "live-script",
    "autoconf", "red/system", "abl", "mf", "pov-ray", "povray", "ur", "igor", "mumps", "xten", "bro", "splus",
    "nu-script", "opy", "vhs", "tsq", "typ", "tsp", "sdc", "xdc", "pyrex", "byond", "cask", "eask", "emacs lisp",
    "elisp", "arexx", "ragel-rb", "ragel-ruby", "rbx", "macruby", "progress", "openedge", "omnetpp-msg", "bsdmake",
    "nasm", "gas", "esdl", "surql", "vhs", "saltstack", "saltstate", "bazel", "bzl", "terraform", "opentofu",
    "cucumber", "octave", "delphi", "objectpascal", "mathematica", "wolfram", "mma", "wl", "wolfram lang",
    "dosbatch", "winbatch", "batch", "bat", "postscr", "asp", "aspx", "aspx-vb", "cds", "ql", "kak", "max", "meson",
    "reason", "tla", "vcl", "modula", "shell", "assembly", "metal", "sage", "salt", "thrift", "posh", "com", "geojson",
    "jsonl", "sarif", "topojson", "rss", "pandoc", "scm", "eda",
}
SHORT_ALIAS_ALLOWED = {"js", "ts", "py", "rb", "rs"}


def norm(text: str) -> str:
    """The comparison key of rule 3: lowercase without spaces, dots, hyphens, underscores or slashes."""
    return re.sub(r"[\s.\-_/]", "", text.lower())


class BuildError(Exception):
    pass


class Skill:
    def __init__(self, name, category, practice, source):
        self.name = name
        self.category = category
        self.practice = practice  # "-" or a practice key
        self.aliases: list[str] = []
        self.implies: list[str] = []
        self.related: list[str] = []
        self.hot = False
        self.in_demand = False
        self.source = source  # demo, curated, linguist, onet
        self.locked_aliases: set[str] = set()  # demo aliases: never dropped

    def add_alias(self, alias: str, locked: bool = False):
        alias = alias.strip()
        if not alias:
            return
        if alias.lower() == self.name.lower():
            return
        if any(a.lower() == alias.lower() for a in self.aliases):
            return
        self.aliases.append(alias)
        if locked:
            self.locked_aliases.add(alias)


# ----------------------------------------------------------------------------------------------------------------
# Inputs


def parse_demo(path: str) -> list[Skill]:
    """The demo taxonomy's entries, in id order, read from its Swift source with regular expressions."""
    text = open(path, encoding="utf-8").read()
    order_match = re.search(r"static let entries: \[SkillEntry\] = ([^\n]+)", text)
    if not order_match:
        raise BuildError("cannot find DemoTaxonomy.entries in " + path)
    groups = [g.strip() for g in order_match.group(1).split("+")]
    entry_re = re.compile(r'SkillEntry\("((?:[^"\\]|\\.)*)", \[([^\]]*)\], "([^"]*)", (nil|\.\w+)\)')
    skills = []
    for group in groups:
        block = re.search(r"static let " + re.escape(group) + r": \[SkillEntry\] = \[(.*?)\n    \]", text, re.S)
        if not block:
            raise BuildError("cannot find demo group " + group)
        for m in entry_re.finditer(block.group(1)):
            aliases = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(2))
            practice = "-" if m.group(4) == "nil" else m.group(4)[1:]
            skill = Skill(m.group(1), m.group(3), practice, "demo")
            for alias in aliases:
                skill.add_alias(alias, locked=True)
            skills.append(skill)
    return skills


def split_list(field: str) -> list[str]:
    field = field.strip()
    return [] if field in ("", "-") else [item.strip() for item in field.split("|") if item.strip()]


def parse_curated(path: str):
    """The curated file: `[skills]` rows, then `[linguist]`, `[onet]` and `[renames]` decisions."""
    sections: dict[str, list[tuple[int, list[str]]]] = defaultdict(list)
    section = None
    for number, raw in enumerate(open(path, encoding="utf-8"), start=1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line.strip())
        if header:
            section = header.group(1)
            continue
        if section is None:
            raise BuildError(f"curated.tsv:{number}: data before the first [section]")
        sections[section].append((number, [f.strip() for f in line.split("\t")]))
    return sections


def parse_linguist(path: str) -> dict[str, dict]:
    """A minimal reader for languages.yml: top-level keys, scalar fields and `aliases` lists."""
    languages: dict[str, dict] = {}
    current = None
    key = None
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or line.startswith("---") or not line.strip():
            continue
        top = re.match(r"^(\S.*):\s*$", line)
        if top:
            current = top.group(1).strip().strip("\"'")
            languages[current] = {"aliases": []}
            key = None
            continue
        field = re.match(r"^  (\w+):\s*(.*)$", line)
        if field and current is not None:
            key = field.group(1)
            if key != "aliases":
                languages[current][key] = field.group(2).strip().strip("\"'")
            continue
        item = re.match(r"^  - (.*)$", line)
        if item and current is not None and key == "aliases":
            languages[current]["aliases"].append(item.group(1).strip().strip("\"'"))
    return languages


def parse_onet(path: str) -> dict[str, dict]:
    """O*NET technology examples with IT-occupation usage, commodity titles and flags (Y in any row)."""
    examples: dict[str, dict] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header[:6] != ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology",
                          "In Demand"]:
            raise BuildError("unexpected O*NET header: " + repr(header))
        for row in reader:
            code, example, _, commodity, hot, demand = row[:6]
            entry = examples.setdefault(example, {"it_rows": 0, "rows": 0, "hot": False, "in_demand": False,
                                                  "commodities": set()})
            entry["rows"] += 1
            entry["hot"] |= hot == "Y"
            entry["in_demand"] |= demand == "Y"
            if code.startswith(IT_OCCUPATION_PREFIXES):
                entry["it_rows"] += 1
                entry["commodities"].add(commodity)
    return examples


def read_ledger(path: str) -> dict[str, int]:
    """Names and ids of the skills already shipped, from the current output file."""
    if not os.path.exists(path):
        return {}
    text = open(path, encoding="utf-8").read()
    match = re.search(r'static let tsv = #"""\n(.*?)\n"""#', text, re.S)
    if not match:
        return {}
    ledger = {}
    for line in match.group(1).split("\n"):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        ledger[fields[1]] = int(fields[0])
    return ledger


# ----------------------------------------------------------------------------------------------------------------
# The taxonomy under construction


class Taxonomy:
    def __init__(self):
        self.skills: list[Skill] = []
        self.by_name: dict[str, Skill] = {}
        self.keys: dict[str, Skill] = {}  # normalised name or alias → skill (first claim wins)
        self.log: list[str] = []

    def add(self, skill: Skill) -> Skill:
        key = skill.name.lower()
        if key in self.by_name:
            raise BuildError(f"skill {skill.name!r} is defined twice")
        self.skills.append(skill)
        self.by_name[key] = skill
        self.claim(norm(skill.name), skill)
        for alias in skill.aliases:
            self.claim(norm(alias), skill)
        return skill

    def claim(self, key: str, skill: Skill):
        self.keys.setdefault(key, skill)

    def find(self, name: str) -> Skill | None:
        return self.by_name.get(name.lower())

    def lookup(self, text: str) -> Skill | None:
        return self.keys.get(norm(text))

    def add_alias(self, skill: Skill, alias: str, locked: bool = False):
        before = len(skill.aliases)
        skill.add_alias(alias, locked)
        if len(skill.aliases) > before:
            self.claim(norm(alias), skill)


def acceptable_source_alias(alias: str) -> bool:
    low = alias.lower().strip()
    if low in SOURCE_ALIAS_STOPWORDS:
        return False
    if len(norm(low)) <= 2 and low not in SHORT_ALIAS_ALLOWED:
        return False
    return True


# ----------------------------------------------------------------------------------------------------------------
# Building


def build(shared: str, ledger_path: str, use_ledger: bool = True) -> tuple[list[Skill], list[str]]:
    taxonomy = Taxonomy()
    curated = parse_curated(CURATED)

    # 1. The demo taxonomy, ids 1…210.
    demo = parse_demo(DEMO_SWIFT)
    if len(demo) != 210:
        raise BuildError(f"the demo taxonomy has {len(demo)} entries, expected 210")
    for skill in demo:
        taxonomy.add(skill)

    # 2. The curated core. A row for a demo skill (category and practice `=`) adds aliases and relations.
    for number, fields in curated["skills"]:
        if len(fields) != 6:
            raise BuildError(f"curated.tsv:{number}: expected 6 tab-separated fields, got {len(fields)}")
        name, category, practice, aliases, implies, related = fields
        existing = taxonomy.find(name)
        if existing is not None:
            if existing.source != "demo" or category != "=" or practice != "=":
                raise BuildError(f"curated.tsv:{number}: {name!r} is listed twice, or a demo skill without `=`")
            skill = existing
        else:
            if category not in CATEGORIES:
                raise BuildError(f"curated.tsv:{number}: unknown category {category!r}")
            if practice != "-" and practice not in PRACTICES:
                raise BuildError(f"curated.tsv:{number}: unknown practice {practice!r}")
            owner = taxonomy.lookup(name)
            if owner is not None:
                raise BuildError(f"curated.tsv:{number}: {name!r} is already an alias of {owner.name!r}")
            skill = taxonomy.add(Skill(name, category, practice, "curated"))
        for alias in split_list(aliases):
            owner = taxonomy.lookup(alias)
            if owner is not None and owner is not skill:
                raise BuildError(f"curated.tsv:{number}: alias {alias!r} of {name!r} is already {owner.name!r}")
            taxonomy.add_alias(skill, alias)
        skill.implies = split_list(implies)
        skill.related = split_list(related)

    # 3. GitHub Linguist languages.
    linguist_rules = {fields[0]: fields[1:] for _, fields in curated["linguist"]}
    languages = parse_linguist(os.path.join(shared, "linguist", "languages.yml"))
    popular = set(re.findall(r"^- (.+)$", open(os.path.join(shared, "linguist", "popular.yml")).read(), re.M))
    for language in sorted(languages, key=str.lower):
        info = languages[language]
        rule = linguist_rules.get(language)
        wanted = info.get("type") == "programming" and "group" not in info and len(norm(language)) > 2
        if rule is not None and rule[0] == "-":
            continue
        if rule is None and not wanted and language not in popular:
            continue
        target = None
        name = language
        if rule is not None and rule[0].startswith("="):
            target = taxonomy.find(rule[0][1:])
            if target is None:
                raise BuildError(f"[linguist] {language}: no skill named {rule[0][1:]!r}")
        elif rule is not None and rule[0] not in ("+", ""):
            name = rule[0]
        if target is None:
            target = taxonomy.find(name) or taxonomy.lookup(name) or taxonomy.lookup(language)
        if target is None:
            practice = rule[1] if rule is not None and len(rule) > 1 and rule[1] else "-"
            target = taxonomy.add(Skill(name, "language", practice, "linguist"))
            parent = info.get("group")
            if parent and taxonomy.find(parent):
                target.implies.append(taxonomy.find(parent).name)
        if language.lower() != target.name.lower() and acceptable_source_alias(language):
            if taxonomy.lookup(language) in (None, target):
                taxonomy.add_alias(target, language)
        for alias in info["aliases"]:
            if acceptable_source_alias(alias) and taxonomy.lookup(alias) in (None, target):
                taxonomy.add_alias(target, alias)

    # 4. O*NET technologies of IT occupations.
    onet_rules = {fields[0]: fields[1:] for _, fields in curated["onet"]}
    examples = parse_onet(os.path.join(shared, "onet", "Technology Skills.txt"))
    skipped = []
    matched = []
    for example in sorted(examples, key=str.lower):
        info = examples[example]
        rule = onet_rules.get(example)
        if info["it_rows"] == 0 and rule is None:
            continue
        if rule is not None and rule[0] == "-":
            continue
        if rule is not None and rule[0].startswith("="):
            target = taxonomy.find(rule[0][1:])
            if target is None:
                raise BuildError(f"[onet] {example}: no skill named {rule[0][1:]!r}")
        elif rule is not None and rule[0] == "+":
            target = None
        else:
            target = match_onet(taxonomy, example)
        if target is None:
            new_name, category, practice = onet_new_skill(example, info, rule)
            if new_name is None:
                skipped.append(example)
                continue
            target = taxonomy.find(new_name) or taxonomy.lookup(new_name)
            if target is None:
                target = taxonomy.add(Skill(new_name, category, practice, "onet"))
        if target.name != example:
            matched.append(f"O*NET example {example!r} → {target.name!r}")
        target.hot |= info["hot"]
        target.in_demand |= info["in_demand"]
        for alias in onet_aliases(example):
            if alias.lower() != target.name.lower() and acceptable_source_alias(alias):
                if taxonomy.lookup(alias) in (None, target):
                    taxonomy.add_alias(target, alias)

    # 5. Renames keep ids: [renames] old name → new name.
    renames = {fields[0]: fields[1] for _, fields in curated["renames"]}

    skills = finish(taxonomy)
    ordered = assign_ids(skills, ledger_path if use_ledger else None, renames)
    taxonomy.log.extend(matched)
    taxonomy.log.extend(f"O*NET example left out: {name}" for name in skipped)
    return ordered, taxonomy.log


def match_onet(taxonomy: Taxonomy, example: str) -> Skill | None:
    """The skill an O*NET example names, trying the name, then without vendor words and acronyms."""
    for candidate in onet_candidates(example):
        skill = taxonomy.lookup(candidate)
        if skill is not None:
            return skill
    return None


def strip_software(text: str) -> str:
    return re.sub(r"\s+(software|software suite)$", "", text).strip()


def split_acronym(text: str) -> tuple[str, str | None]:
    """`Extensible markup language XML` → (`Extensible markup language`, `XML`) when the letters fit."""
    words = text.split()
    if len(words) < 3:
        return text, None
    last = words[-1]
    if not re.fullmatch(r"[A-Z][A-Z0-9+#/-]*[A-Z0-9+#]", last):
        return text, None
    long_form = " ".join(words[:-1]).lower()
    position = 0
    for char in re.sub(r"[^a-z]", "", last.lower()):
        position = long_form.find(char, position)
        if position < 0:
            return text, None
        position += 1
    return " ".join(words[:-1]), last


def strip_vendor(text: str) -> str | None:
    for vendor in sorted(VENDORS, key=len, reverse=True):
        if text.startswith(vendor + " ") and len(text) > len(vendor) + 1:
            return text[len(vendor) + 1:]
    return None


def onet_candidates(example: str) -> list[str]:
    out = []
    base = strip_software(example)
    for text in (example, base):
        long_form, acronym = split_acronym(text)
        forms = [text, long_form] + ([acronym] if acronym else [])
        for form in forms:
            out.append(form)
            stripped = strip_vendor(form)
            while stripped:
                out.append(stripped)
                stripped = strip_vendor(stripped)
    seen = []
    for candidate in out:
        if candidate and candidate not in seen:
            seen.append(candidate)
    return seen


def descriptive(text: str) -> bool:
    """A spelled-out description like `Extensible markup language`: no vendor, lowercase after the first word."""
    words = text.split()
    return len(words) >= 2 and strip_vendor(text) is None and all(w.islower() for w in words[1:])


def onet_aliases(example: str) -> list[str]:
    """Spellings from an O*NET example worth keeping as aliases: a product name like `Oracle Java`, or the
    spelled-out form and acronym of `Extensible markup language XML`. Descriptions and vendor noise are not."""
    base = strip_software(example)
    long_form, acronym = split_acronym(base)
    if acronym is not None:
        fits = descriptive(long_form) and len(long_form.split()) <= 5 and not long_form.endswith("software")
        return [long_form, acronym] if fits else []
    words = base.split()
    noisy = "(" in base or " Software" in base or base.startswith("The ")
    if 2 <= len(words) <= 4 and any(w[0].isupper() for w in words[1:]) and not descriptive(base) and not noisy:
        return [base]
    return []


COMMODITY_DEFAULTS = [
    # (commodity title fragment, category, practice)
    ("Data base management", "database", "data"),
    ("Object oriented data base", "database", "data"),
    ("Business intelligence", "data", "data"),
    ("Data base reporting", "data", "data"),
    ("Data base user interface", "data", "data"),
    ("Analytical or scientific", "data", "data"),
    ("Data mining", "data", "data"),
    ("Metadata management", "data", "data"),
    ("Enterprise resource planning", "erp", "erp"),
    ("Customer relationship management", "crm", "erp"),
    ("Human resources", "erp", "erp"),
    ("Enterprise application integration", "integration", "erp"),
    ("Program testing", "testing", "delivery"),
    ("Project management", "tool", "delivery"),
    ("Requirements analysis", "tool", "delivery"),
    ("Process mapping", "tool", "delivery"),
    ("Network security", "security", "security"),
    ("Transaction security", "security", "security"),
    ("Cloud-based protection", "security", "security"),
    ("Authentication server", "security", "security"),
    ("Network monitoring", "network", "security"),
    ("Switch or router", "network", "security"),
    ("Network operation", "network", "security"),
    ("Configuration management", "devops", "cloud"),
    ("Cloud-based management", "cloud", "cloud"),
    ("Cloud-based data access", "cloud", "cloud"),
    ("Operating system", "platform", "-"),
    ("Application server", "platform", "-"),
    ("Web platform development", "framework", "frontend"),
    ("Web page creation", "tool", "frontend"),
    ("Graphical user interface", "tool", "frontend"),
    ("Object or component oriented development", "language", "-"),
    ("Development environment", "tool", "-"),
    ("Compiler", "tool", "-"),
]


def onet_new_skill(example: str, info: dict, rule: list[str] | None):
    """A new skill for an O*NET example nothing matched: (name, category, practice) or (None, …) to skip."""
    if rule is None:
        return None, None, None  # unmatched and not curated: reported, left out
    name = strip_software(example) if rule[0] in ("", "+") else rule[0]
    category, practice = "tool", "-"
    for fragment, default_category, default_practice in COMMODITY_DEFAULTS:
        if any(c.startswith(fragment) for c in info["commodities"]):
            category, practice = default_category, default_practice
            break
    if len(rule) > 1 and rule[1]:
        category = rule[1]
    if len(rule) > 2 and rule[2]:
        practice = rule[2]
    if category not in CATEGORIES:
        raise BuildError(f"[onet] {example}: unknown category {category!r}")
    if practice != "-" and practice not in PRACTICES:
        raise BuildError(f"[onet] {example}: unknown practice {practice!r}")
    return name, category, practice


def finish(taxonomy: Taxonomy) -> list[Skill]:
    """Enforces rule 3 (alias collisions) and rule 4 (relations), dropping or failing as appropriate."""
    skills = taxonomy.skills
    names = {}
    for skill in skills:
        key = norm(skill.name)
        if key in names:
            raise BuildError(f"names {names[key].name!r} and {skill.name!r} are the same after normalisation")
        if "|" in skill.name or "\t" in skill.name or not skill.name.strip():
            raise BuildError(f"bad skill name {skill.name!r}")
        names[key] = skill
    claimed: dict[str, Skill] = {}
    for skill in skills:
        kept = []
        for alias in skill.aliases:
            key = norm(alias)
            if "|" in alias or "\t" in alias or not key:
                raise BuildError(f"bad alias {alias!r} of {skill.name!r}")
            owner = names.get(key) or claimed.get(key)
            if owner is not None and owner is not skill:
                if alias in skill.locked_aliases:
                    raise BuildError(f"demo alias {alias!r} of {skill.name!r} collides with {owner.name!r}")
                taxonomy.log.append(f"alias {alias!r} dropped from {skill.name!r}: it belongs to {owner.name!r}")
                continue
            claimed[key] = skill
            kept.append(alias)
        skill.aliases = kept
    for skill in skills:
        for relation in ("implies", "related"):
            targets = []
            for target in getattr(skill, relation):
                found = taxonomy.find(target)
                if found is None:
                    raise BuildError(f"{skill.name!r} {relation} unknown skill {target!r}")
                if found is skill:
                    raise BuildError(f"{skill.name!r} {relation} itself")
                if found.name not in targets:
                    targets.append(found.name)
            setattr(skill, relation, targets)
        skill.related = [r for r in skill.related if r not in skill.implies]
    check_cycles(taxonomy)
    return skills


def check_cycles(taxonomy: Taxonomy):
    state: dict[str, int] = {}

    def visit(skill: Skill, path: list[str]):
        mark = state.get(skill.name)
        if mark == 2:
            return
        if mark == 1:
            raise BuildError("implies cycle: " + " → ".join(path + [skill.name]))
        state[skill.name] = 1
        for target in skill.implies:
            visit(taxonomy.find(target), path + [skill.name])
        state[skill.name] = 2

    for skill in taxonomy.skills:
        visit(skill, [])


def assign_ids(skills: list[Skill], ledger_path: str | None, renames: dict[str, str]) -> list[tuple[int, Skill]]:
    """Ids from the ledger (the shipped file) where it is a real release, new ids appended after it."""
    ledger = read_ledger(ledger_path) if ledger_path else {}
    if len(ledger) < 210:
        ledger = {}  # the placeholder, or no file yet: number from scratch
    for old, new in renames.items():
        if old in ledger:
            ledger[new] = ledger.pop(old)
    by_name = {skill.name: skill for skill in skills}
    missing = [name for name in ledger if name not in by_name]
    if missing:
        raise BuildError("ids are append-only, but these shipped skills are gone (add a [renames] row or keep "
                         "them): " + ", ".join(sorted(missing)))
    result = [(ledger[skill.name], skill) for skill in skills if skill.name in ledger]
    next_id = max(ledger.values(), default=0) + 1
    for skill in skills:
        if skill.name not in ledger:
            result.append((next_id, skill))
            next_id += 1
    result.sort(key=lambda pair: pair[0])
    for index, (skill_id, _) in enumerate(result, start=1):
        if skill_id != index:
            raise BuildError(f"ids are not contiguous at {index}")
    return result


# ----------------------------------------------------------------------------------------------------------------
# Output


def render(ordered: list[tuple[int, Skill]]) -> str:
    lines = [
        "# Rapport standard IT skill taxonomy, generated by scripts/taxonomy/build.py (see ATTRIBUTION.md there).",
        "# Includes information from the O*NET database by USDOL/ETA (CC BY 4.0) and GitHub Linguist (MIT).",
        "# id\tname\tcategory\tpractice\taliases\timplies\trelated\tflags",
    ]
    for skill_id, skill in ordered:
        flags = [flag for flag, on in (("hot", skill.hot), ("in-demand", skill.in_demand)) if on]
        fields = [
            str(skill_id), skill.name, skill.category, skill.practice,
            "|".join(skill.aliases) or "-", "|".join(skill.implies) or "-", "|".join(skill.related) or "-",
            "|".join(flags) or "-",
        ]
        lines.append("\t".join(fields))
    body = "\n".join(lines)
    if '"""#' in body:
        raise BuildError('the data contains """#')
    return (
        "extension StandardTaxonomy {\n"
        "    /// Generated by scripts/taxonomy/build.py; do not edit by hand.\n"
        f'    public static let version = "{VERSION}"\n'
        "\n"
        '    static let tsv = #"""\n'
        f"{body}\n"
        '"""#\n'
        "}\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared", "data", "skills"),
                        help="the shared skills data folder (default: ../shared/data/skills from the repo root)")
    parser.add_argument("--out", default=OUTPUT, help="the Swift file to write")
    parser.add_argument("--check", action="store_true", help="fail if the output file is not up to date")
    parser.add_argument("--report", action="store_true", help="print O*NET matches, dropped aliases, left-out names")
    parser.add_argument("--renumber", action="store_true",
                        help="ignore the shipped ids and number from scratch (only before the first release)")
    args = parser.parse_args()
    shared = args.shared if os.path.isabs(args.shared) else os.path.join(os.getcwd(), args.shared)
    try:
        ordered, log = build(shared, args.out, use_ledger=not args.renumber)
    except BuildError as error:
        print("build.py: " + str(error), file=sys.stderr)
        return 1
    output = render(ordered)
    if args.report:
        for line in log:
            print(line)
    if args.check:
        current = open(args.out, encoding="utf-8").read() if os.path.exists(args.out) else ""
        if current != output:
            print("build.py: " + args.out + " is out of date; run scripts/taxonomy/build.py", file=sys.stderr)
            return 1
        return 0
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.write(output)
    skills = [skill for _, skill in ordered]
    print(f"{len(skills)} skills, {sum(len(s.aliases) for s in skills)} aliases, "
          f"{sum(len(s.implies) for s in skills)} implies, {sum(len(s.related) for s in skills)} related "
          f"→ {os.path.relpath(args.out, os.getcwd())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
