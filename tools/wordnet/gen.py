#!/usr/bin/env python3
"""Generate newslint's lexical tables (src/text/data/) from WordNet 3.0.

Reads the WordNet 3.0 database as the Debian package `wordnet-base` installs it
(/usr/share/wordnet) and writes small sorted text tables that are committed to the
repository. Nothing at build or run time reads WordNet itself; this script is only
for regenerating the tables. See tools/wordnet/README.md. Standard library only.

Usage: python3 tools/wordnet/gen.py [--wordnet DIR] [--out DIR] [--check]
"""

import argparse
import collections
import os
import re
import sys

# A token we keep: lower-case ASCII letters, optionally joined by single hyphens.
WORD = re.compile(r"[a-z]+(?:-[a-z]+)*\Z")

# Senses per noun lemma kept for hypernyms and synonyms (WordNet lists senses by
# frequency; later senses are rare and would link everything with everything):
# the first, plus a later one among the first MAX_NOUN_SENSES tagged in SemCor at
# least once and at least 1/SENSE_SHARE as often as the first (inmate: 2, 1, 1
# keeps "convict", a kind of prisoner; computer: 11, 0 drops "a person who
# computes"; worker: 29, 4, 4 keeps one).
SENSE_SHARE = 4
MAX_NOUN_SENSES = 4

# Lexicographer files (see lexnames(5WN)).
LEX_PERSON = 18
# Noun files whose senses are events, acts or states: the nominalisations that a
# verb's family may contain (act, communication, event, phenomenon, possession,
# process, state, time). Persons, groups, artifacts, substances... are excluded.
EVENT_LEXFILES = {4, 10, 11, 19, 21, 22, 26, 28}
# A derivational link counts only between the first FAMILY_NOUN_RANK senses of the
# noun and the first FAMILY_VERB_RANK senses of the verb.
FAMILY_NOUN_RANK = 3
FAMILY_VERB_RANK = 3

# Synsets never stored as hypernyms (nothing links through or to them): the top of
# the noun hierarchy (every synset at most MAX_BLOCK_DEPTH steps below `entity`)
# and these named general nodes (lemma, sense number).
MAX_BLOCK_DEPTH = 3
BLOCKED_NODES = [
    ("entity", 1), ("physical_entity", 1), ("abstraction", 6), ("thing", 12), ("thing", 8),
    ("object", 1), ("whole", 2), ("living_thing", 1), ("organism", 1), ("person", 1),
    ("causal_agent", 1), ("group", 1), ("act", 2), ("event", 1), ("state", 2),
    ("attribute", 2), ("measure", 2), ("matter", 3), ("psychological_feature", 1),
    ("relation", 1), ("communication", 2), ("artifact", 1), ("instrumentality", 3),
    ("location", 1), ("region", 3), ("substance", 1), ("part", 3), ("unit", 3),
    ("people", 1), ("social_group", 1), ("organization", 1), ("quantity", 3),
    ("amount", 3), ("activity", 1), ("action", 1), ("happening", 1), ("condition", 1),
    ("property", 2), ("content", 5), ("idea", 2), ("information", 2), ("message", 2),
    ("collection", 1),
]

# lemma(): how much more a noun reading weighs than a verb reading when a form has
# both (callers mostly count nouns).
NOUN_WEIGHT = 4
# ... and a plural whose noun SemCor never tags reads as the verb when the verb is
# tagged at least this often (does -> do, not doe).
UNSEEN_PLURAL_VERB = 10

# Forms that lemma()/noun_lemma() keep as they are although WordNet would reduce
# them: they are counted things of their own in news copy.
KEEP = ["data", "media", "people", "police", "staff", "news", "personnel", "clothes", "arms"]


def read_index(path):
    """lemma -> (synset offsets in sense order, tagsense_cnt)."""
    out = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma, n, p_cnt = fields[0], int(fields[2]), int(fields[3])
            tag = int(fields[5 + p_cnt])
            out[lemma] = (fields[-n:], tag)
    return out


def read_data(path):
    """offset -> (lexfile, [words as written], [(symbol, offset, pos, src/tgt)])."""
    out = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split("|", 1)[0].split()
            off, lex, w_cnt = fields[0], int(fields[1]), int(fields[3], 16)
            words = [re.sub(r"\(.*\)\Z", "", fields[4 + 2 * i]) for i in range(w_cnt)]
            p = 4 + 2 * w_cnt
            p_cnt = int(fields[p])
            ptrs = [tuple(fields[p + 1 + 4 * i : p + 5 + 4 * i]) for i in range(p_cnt)]
            out[off] = (lex, words, ptrs)
    return out


def read_exc(path):
    out = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            fields = line.split()
            if len(fields) >= 2 and WORD.match(fields[0]) and WORD.match(fields[1]):
                out[fields[0]] = fields[1]  # the first base form listed
    return out


# --- morphy, exactly as src/text/lemma.rs implements it -------------------------

NOUN_RULES = [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
              ("shes", "sh"), ("men", "man"), ("ies", "y")]
VERB_RULES = [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"),
              ("ed", ""), ("ing", "e"), ("ing", "")]


def sibilant_es(stem, suffix, ending):
    """The verb rule -es -> '' only after a sibilant or -o (passes, watches,
    goes), not after any stem (nodes -> nod, invitees -> invite are wrong)."""
    if suffix == "es" and ending == "":
        return stem.endswith(("s", "x", "z", "ch", "sh", "o"))
    return True


def morphy(word, exc, lemmas, rules, noun=False):
    if word in exc:
        return exc[word]
    if word in lemmas:
        return word
    # As WordNet's morphy: a noun ending in -ss, or of two letters, is not detached.
    if noun and (word.endswith("ss") or len(word) <= 2):
        return None
    for suffix, ending in rules:
        if word.endswith(suffix) and len(word) > len(suffix):
            stem = word[: len(word) - len(suffix)]
            if not sibilant_es(stem, suffix, ending):
                continue
            if stem + ending in lemmas:
                return stem + ending
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--licence", default="/usr/share/doc/wordnet-base/copyright")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out", default=os.path.join(here, "..", "..", "src", "text", "data"))
    args = ap.parse_args()
    wn = args.wordnet
    out = os.path.normpath(args.out)

    index_n = read_index(os.path.join(wn, "index.noun"))
    index_v = read_index(os.path.join(wn, "index.verb"))
    data_n = read_data(os.path.join(wn, "data.noun"))
    data_v = read_data(os.path.join(wn, "data.verb"))
    exc_n = read_exc(os.path.join(wn, "noun.exc"))
    exc_v = read_exc(os.path.join(wn, "verb.exc"))

    # SemCor tag counts per sense: cntlist.rev lines `lemma%T:... sense count`,
    # T = 1 for nouns, 2 for verbs.
    sense_counts = collections.defaultdict(dict)
    freq_n = collections.Counter()
    freq_v = collections.Counter()
    with open(os.path.join(wn, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            key, number, count = line.split()
            lemma, _, rest = key.partition("%")
            if rest.startswith("1:"):
                sense_counts[lemma][int(number)] = int(count)
                freq_n[lemma] += int(count)
            elif rest.startswith("2:"):
                freq_v[lemma] += int(count)

    def common_senses(lemma):
        """The lemma's senses in frequency order where it is written in lower case
        (a common noun, not a name such as `Sat` or `Mark`)."""
        offs = index_n[lemma][0]
        return [o for o in offs if any(w == lemma for w in data_n[o][1])]

    # Noun lemmas known to morphology: every plain lemma written in lower case in
    # some sense, plus names ending in -s (so that `texas`, `athens` keep their -s).
    nouns = {}
    for lemma in index_n:
        if not WORD.match(lemma):
            continue
        common = common_senses(lemma)
        if common or lemma.endswith("s"):
            offs = index_n[lemma][0]
            counts = sense_counts.get(lemma, {})
            first_count = counts.get(1, 0)
            kept = [o for i, o in enumerate(offs[:MAX_NOUN_SENSES])
                    if i == 0 or (counts.get(i + 1, 0) >= 1
                                  and counts.get(i + 1, 0) * SENSE_SHARE >= first_count)]
            nouns[lemma] = [o for o in kept if o in common]
    verbs = {l for l in index_v if WORD.match(l)}

    # Plural lemmas whose singular is a common noun at least as frequent in SemCor
    # (works -> work, sales -> sale, darts -> dart) become generated noun
    # exceptions; physics (physic: 0) and news (no singular) stay.
    gen_exc_n = {}
    for lemma in nouns:
        if lemma in exc_n or lemma in KEEP or len(lemma) < 4:
            continue
        for suffix, ending in NOUN_RULES:
            if lemma.endswith(suffix) and len(lemma) > len(suffix):
                cand = lemma[: len(lemma) - len(suffix)] + ending
                if cand in nouns and cand != lemma and nouns[cand]:
                    if freq_n[cand] >= freq_n[lemma]:
                        gen_exc_n[lemma] = cand
                    break
    noun_exc = dict(exc_n)
    noun_exc.update(gen_exc_n)

    # Where several noun detachment rules give a common noun, morphy takes the
    # first; the most frequent in SemCor is better (crosses: crosse, cross ->
    # cross; lenses -> lens). Such forms get a generated exception naming the
    # most frequent candidate (ties: rule order).
    def candidates(word, lemmas, rules):
        out = []
        for suffix, ending in rules:
            if word.endswith(suffix) and len(word) > len(suffix):
                cand = word[: len(word) - len(suffix)] + ending
                if cand in lemmas and cand not in out:
                    out.append(cand)
        return out

    def best(cands, freq):
        return max(enumerate(cands), key=lambda ic: (freq[ic[1]], -ic[0]))[1]

    plural_forms = set()
    for lemma in nouns:
        plural_forms.update([lemma + "s", lemma + "es"])
        if lemma.endswith("y"):
            plural_forms.add(lemma[:-1] + "ies")
        if lemma.endswith("man"):
            plural_forms.add(lemma[:-3] + "men")
    gen_order_n = {}
    for f in sorted(plural_forms):
        if f in nouns or f in noun_exc or f in KEEP:
            continue
        cands = [c for c in candidates(f, nouns, NOUN_RULES) if nouns[c]]
        if len(cands) > 1 and best(cands, freq_n) != cands[0]:
            gen_order_n[f] = best(cands, freq_n)
    noun_exc.update(gen_order_n)
    # (Verbs keep morphy's order: the most frequent lemma is not the most
    # frequent reading of a form, planed -> plane, not plan.)
    # A base of one or two letters from a form of at most three is never what
    # news copy means (ms -> m, dos -> do, ins -> in, pas -> pa): those forms stay
    # as they are; oxen -> ox, axes -> ax, noes -> no remain.
    noun_exc = {k: b for k, b in noun_exc.items() if len(b) > 2 or len(k) > 3}
    # A form that is itself a common noun more frequent than its exception's base
    # stays itself (dive, not diva).
    dropped = sorted(k for k, b in noun_exc.items()
                     if nouns.get(k) and freq_n[k] > freq_n[b])
    for k in dropped:
        del noun_exc[k]
    print("noun exceptions dropped (the form is a more frequent noun):", " ".join(dropped),
          file=sys.stderr)
    for k in KEEP:
        noun_exc.pop(k, None)

    def noun_morphy(w):
        if w in KEEP:
            return w
        return morphy(w, noun_exc, nouns, NOUN_RULES, noun=True)

    def verb_morphy(w):
        return morphy(w, exc_v, verbs, VERB_RULES)

    # Forms with a noun and a verb reading that differ: lemma() needs a choice.
    forms = set(nouns) | set(noun_exc) | set(exc_v) | verbs
    for lemma in list(nouns):
        forms.update([lemma + "s", lemma + "es"])
        if lemma.endswith("y"):
            forms.add(lemma[:-1] + "ies")
    for v in verbs:
        forms.update([v + "s", v + "es", v + "ed", v + "d", v + "ing"])
        if v.endswith("e"):
            forms.add(v[:-1] + "ing")
        if v.endswith("y"):
            forms.update([v[:-1] + "ies", v[:-1] + "ied"])
    choices = {}
    for f in sorted(forms):
        n, v = noun_morphy(f), verb_morphy(f)
        if n is None or v is None or n == v:
            continue
        # The rule (documented in lemma.rs): an -ing form that is itself a noun
        # (killing, meeting) reads as the noun; so does a plural (leaves -> leaf,
        # retirees -> retiree) unless its noun is unseen in SemCor and its verb
        # common (does -> do); otherwise the reading more frequent in SemCor
        # wins, the noun's count (plus one) weighted NOUN_WEIGHT times, ties to
        # the noun: ground -> ground; rose -> rise, saw -> see, left -> leave.
        if f in KEEP:
            continue
        if f.endswith("ing") and n == f:
            noun = True
        elif f.endswith("s") and n != f:
            # A plural: the noun, unless it is unseen in SemCor and the verb common
            # (does: doe 0, do 1000+).
            noun = freq_n[n] > 0 or freq_v[v] < UNSEEN_PLURAL_VERB
        else:
            noun = NOUN_WEIGHT * (freq_n[n] + 1) >= freq_v[v] + 1
        if noun:
            choices[f] = (n, "n")
        else:
            choices[f] = (v, "v")

    # --- families: derivationally related verb / event-noun lemmas ---------------
    def rank(index, lemma, off):
        offs = index.get(lemma, ([], 0))[0]
        return offs.index(off) + 1 if off in offs else None

    links = set()
    for src_data, src_pos in ((data_v, "v"), (data_n, "n")):
        for off, (lex, words, ptrs) in src_data.items():
            for sym, toff, pos, st in ptrs:
                if sym != "+" or pos == src_pos or pos not in "nv":
                    continue
                s, t = int(st[:2], 16), int(st[2:], 16)
                if src_pos == "v":
                    voff, noff = off, toff
                    vword, nword = words[s - 1], data_n[toff][1][t - 1]
                else:
                    voff, noff = toff, off
                    vword, nword = data_v[toff][1][t - 1], words[s - 1]
                if vword != vword.lower() or nword != nword.lower():
                    continue
                if not WORD.match(vword) or not WORD.match(nword):
                    continue
                if data_n[noff][0] not in EVENT_LEXFILES:
                    continue
                # An agent noun (killer: sense 1 a person, sense 2 a state) is never
                # in a family, whichever of its senses the pointer comes from.
                first = index_n.get(nword, ([], 0))[0][:1]
                if any(data_n[o][0] == LEX_PERSON for o in first):
                    continue
                nr, vr = rank(index_n, nword, noff), rank(index_v, vword, voff)
                if nr is None or vr is None or nr > FAMILY_NOUN_RANK or vr > FAMILY_VERB_RANK:
                    continue
                links.add((vword, nword))
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for v, n in sorted(links):
        a, b = find(v), find(n)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups = collections.defaultdict(set)
    for x in parent:
        groups[find(x)].add(x)
    families = sorted(" ".join(sorted(g)) for g in groups.values())

    # --- hypernym graph over the kept senses ---------------------------------------
    hyper = {o: [p[1] for p in d[2] if p[0] in ("@", "@i") and p[2] == "n"] for o, d in data_n.items()}
    depth = {}
    root = index_n["entity"][0][0]
    frontier, d = [root], 0
    hypo = collections.defaultdict(list)
    for o, hs in hyper.items():
        for h in hs:
            hypo[h].append(o)
    while frontier:
        nxt = []
        for o in frontier:
            if o not in depth:
                depth[o] = d
                nxt.extend(hypo[o])
        frontier, d = nxt, d + 1
    blocked = {o for o, dd in depth.items() if dd <= MAX_BLOCK_DEPTH}
    for lemma, sense in BLOCKED_NODES:
        blocked.add(index_n[lemma][0][sense - 1])

    # Synsets reachable from kept senses within MAX_LEVELS hypernym steps.
    MAX_LEVELS = 5
    needed = set()
    for lemma, offs in nouns.items():
        level = [o for o in offs if o not in blocked]
        for _ in range(MAX_LEVELS + 1):
            needed.update(level)
            level = [h for o in level for h in hyper[o] if h not in blocked and h not in needed]
    # Dense ids: synsets in offset order.
    ids = {o: i for i, o in enumerate(sorted(needed))}

    os.makedirs(out, exist_ok=True)

    def write(name, lines):
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
            for line in lines:
                f.write(line + "\n")

    write("nouns.tsv", (f"{l}\t{','.join(str(ids[o]) for o in nouns[l] if o in ids)}" for l in sorted(nouns)))
    write("synsets.txt", (",".join(str(ids[h]) for h in hyper[o] if h in ids) for o in sorted(needed)))
    write("verbs.txt", sorted(verbs))
    write("noun_exc.tsv", (f"{k}\t{noun_exc[k]}" for k in sorted(noun_exc)))
    write("verb_exc.tsv", (f"{k}\t{exc_v[k]}" for k in sorted(exc_v)))
    write("pos_choice.tsv", (f"{k}\t{choices[k][0]}\t{choices[k][1]}" for k in sorted(choices)))
    write("families.txt", families)
    write("keep.txt", sorted(KEEP))

    # The licence text as the package ships it (the WordNet3.0 stanza of the
    # Debian copyright file, with Debian's indentation and "." blank lines undone).
    with open(args.licence, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^License: WordNet3\.0\n((?: .*\n)+)", text, re.M)
    if not m:
        sys.exit("WordNet3.0 licence stanza not found in " + args.licence)
    body = [("" if l.strip() == "." else l[1:]) for l in m.group(1).splitlines()]
    with open(os.path.join(out, "WORDNET-LICENSE"), "w", encoding="utf-8", newline="\n") as f:
        f.write("WordNet Release 3.0\n\n" + "\n".join(body) + "\n")

    for name in sorted(os.listdir(out)):
        print(f"{os.path.getsize(os.path.join(out, name)):>8}  {name}", file=sys.stderr)
    print(f"nouns {len(nouns)}, verbs {len(verbs)}, noun exceptions {len(noun_exc)} "
          f"({len(gen_exc_n)} plural lemmas, {len(gen_order_n)} by frequency), verb exceptions "
          f"{len(exc_v)}, choices {len(choices)}, "
          f"families {len(families)}, synsets {len(ids)}", file=sys.stderr)


if __name__ == "__main__":
    main()
