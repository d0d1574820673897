"""The translator of tests/translations.rs, with a real translation tool's library.

Reads an XLIFF 2 file with translate-toolkit's own XLIFF 2 store (translate.storage.xliff2), writes
into it the translations of a JSON file as a translation tool would, marks them translated, and
saves it through the same store:

    python translator.py FILE.xlf TRANSLATIONS.json

TRANSLATIONS.json maps a `<file>`'s `original` to its translated units by id. In a translation,
`{3}` stands for the source's placeholder 3 (a `<ph>`), and `{5}…{/5}` for its pair 5 (a `<pc>`)
around translated text, as a translator places the tags in a CAT tool. The tags are copied from
the source's own (translate-toolkit's placeables), never written by this script.
"""

import copy
import json
import re
import sys

from translate.storage import xliff2
from translate.storage.placeables.strelem import StringElem

TAG = re.compile(r"\{(/?)(\d+)\}")


def placeables(elem, found):
    """Every placeholder of a rich source, by its id."""
    for sub in elem.sub:
        if isinstance(sub, StringElem):
            if getattr(sub, "id", None) is not None:
                found[sub.id] = sub
            placeables(sub, found)
    return found


def rich(text, source):
    """`text` with its tags as copies of the source's placeholders."""
    tags = placeables(source, {})
    stack = [[]]
    at = 0
    for m in TAG.finditer(text):
        if m.start() > at:
            stack[-1].append(text[at : m.start()])
        closing, tag_id = m.group(1), m.group(2)
        if closing:
            inner = stack.pop()
            pair = copy.copy(tags[tag_id])
            pair.sub = [StringElem(inner)] if inner else []
            stack[-1].append(pair)
        elif tags[tag_id].sub:
            stack.append([])
        else:
            stack[-1].append(copy.copy(tags[tag_id]))
        at = m.end()
    if at < len(text):
        stack[-1].append(text[at:])
    return StringElem(stack[0])


def main(xlf, translations):
    with open(translations, encoding="utf-8") as f:
        wanted = json.load(f)
    store = xliff2.Xliff2File.parsefile(xlf)
    done = 0
    for unit in store.units:
        original = unit.getunitelement().getparent().get("original")
        text = wanted.get(original, {}).get(unit.getid())
        if text is None:
            continue
        unit.rich_target = [rich(text, unit.rich_source[0])]
        unit.marktranslated()
        done += 1
    with open(xlf, "wb") as f:
        f.write(bytes(store))
    print(f"translated {done} unit(s) with translate-toolkit")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
