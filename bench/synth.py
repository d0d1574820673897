#!/usr/bin/env python3
"""Synthetic corpus for the benchmark: the same pages as a torg content folder and as a Hugo site.

N is the number of content pages across all languages (services, plan, themes, free pages, each in
five languages). Each portal has 50 content items, so 250 pages; N = 20,000 gives 80 portals.
The output depends only on N and the seed.

    bench/synth.py N OUT [--seed S]   writes OUT/torg/content/... and OUT/hugo/...
"""

import argparse
import random
import shutil
from pathlib import Path

LANGS = ["nb", "en", "pl", "lt", "ar"]
CATEGORIES = ["settlement", "health", "schooling", "leisure", "work"]
SERVICES, THEMES, PAGES, MEASURES = 39, 8, 2, 4
ITEMS = SERVICES + THEMES + PAGES + 1  # + the plan
PAGES_PER_PORTAL = ITEMS * len(LANGS)

# Word pools with each language's script and diacritics, so parsing and escaping see real text.
WORDS = {
    "nb": "kommune tjeneste bolig helse skole barnehage arbeid fritid språk norskopplæring "
    "fastlege helsestasjon tilbud søknad innbygger familie ungdom kurs veileder møteplass "
    "frivillig økonomi bosetting introduksjonsprogrammet kvalifisering hjelp åpen står går".split(),
    "en": "municipality service housing health school kindergarten work leisure language "
    "course doctor clinic offer application resident family youth guide meeting volunteer "
    "economy settlement programme qualification help open support advice local plan".split(),
    "pl": "gmina usługa mieszkanie zdrowie szkoła przedszkole praca czas wolny język kurs "
    "lekarz przychodnia oferta wniosek mieszkaniec rodzina młodzież doradca spotkanie "
    "wolontariusz gospodarka osiedlenie program kwalifikacje pomoc otwarte źródło łączność".split(),
    "lt": "savivaldybė paslauga būstas sveikata mokykla darželis darbas laisvalaikis kalba "
    "kursai gydytojas klinika pasiūlymas prašymas gyventojas šeima jaunimas patarėjas "
    "susitikimas savanoris ekonomika įsikūrimas programa kvalifikacija pagalba atvira žiūrėti".split(),
    "ar": "البلدية خدمة السكن الصحة المدرسة الروضة العمل الترفيه اللغة دورة الطبيب العيادة "
    "عرض طلب المقيم الأسرة الشباب المرشد لقاء متطوع الاقتصاد الاستقرار البرنامج التأهيل "
    "المساعدة مفتوح الدعم المشورة المحلية الخطة".split(),
}


def sentence(rng, lang, words=12):
    text = " ".join(rng.choice(WORDS[lang]) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng, lang, sentences=5):
    parts = [sentence(rng, lang, rng.randint(8, 16)) for _ in range(sentences)]
    i = rng.randrange(len(parts))
    word = rng.choice(WORDS[lang])
    parts[i] = parts[i].replace(word, f"**{word}**", 1)
    return " ".join(parts)


def body(rng, lang, links):
    """About 500 words: headings, paragraphs with emphasis, a list, a table and links."""
    out = []
    for h in range(3):
        out.append(f"## {sentence(rng, lang, 3)[:-1]}")
        out.append(paragraph(rng, lang, 6))
        out.append(paragraph(rng, lang, 5))
        if h == 0:
            out.append("\n".join(f"- {sentence(rng, lang, 6)}" for _ in range(5)))
        if h == 1:
            head = [rng.choice(WORDS[lang]) for _ in range(3)]
            rows = ["| " + " | ".join(head) + " |", "| --- | --- | --- |"]
            rows += ["| " + " | ".join(rng.choice(WORDS[lang]) for _ in range(3)) + " |" for _ in range(4)]
            out.append("\n".join(rows))
    out.append(" ".join(f"[{rng.choice(WORDS[lang])}]({link})" for link in links))
    return "\n\n".join(out) + "\n"


def front(fields):
    lines = ["---"]
    for key, value in fields:
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {quote(v)}" for k, v in value.items()]
        else:
            lines.append(f"{key}: {quote(value)}")
    return "\n".join(lines + ["---", ""])


def quote(s):
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def torg_link(section, slug):
    return {"plan": "@/plan", "themes": f"@/plan/{slug}"}.get(section, f"@/{section}/{slug}")


class Portal:
    """One synthetic municipality, written once for torg and once for Hugo."""

    def __init__(self, number, seed):
        self.slug = f"kommune-{number:03d}"
        self.name = f"Kommune {number:03d}"
        self.seed = seed * 100_003 + number

    def items(self):
        """(section, slug) of every content item; the link targets of the bodies."""
        yield ("plan", "plan")
        yield from (("themes", f"tema-{i}") for i in range(1, THEMES + 1))
        yield from (("services", f"tjeneste-{i}") for i in range(1, SERVICES + 1))
        yield from (("pages", f"side-{i}") for i in range(1, PAGES + 1))

    def write_torg(self, root):
        base = root / self.slug
        write(base / "site.yaml", f"name: {self.name}\nlanguages: [{', '.join(LANGS)}]\n")
        themes = [s for sec, s in self.items() if sec == "themes"]
        write(base / "plan/plan.yaml", f"period: 2024-2027\nstatus: adopted\nthemes: [{', '.join(themes)}]\n")
        for n, (section, slug) in enumerate(self.items()):
            if section == "themes":
                measures = "".join(
                    f"  - id: tiltak-{m}\n    responsible: Enhet {m}\n    timing: {2024 + m % 3}\n"
                    for m in range(1, MEASURES + 1)
                )
                write(base / f"plan/themes/{slug}.yaml", f"source: Kapittel {n}\nmeasures:\n{measures}")
            if section == "services":
                write(base / f"services/{slug}.yaml", f"category: {CATEGORIES[n % 5]}\ncost: free\n"
                      "hours:\n  - days: [mon, tue, wed, thu, fri]\n    opens: \"09:00\"\n    closes: \"15:00\"\n")
            folder = {"plan": "plan", "themes": "plan/themes"}.get(section, section)
            for lang in LANGS:
                links = [torg_link(s, t) for s, t in self.neighbours(n)]
                write(base / f"{folder}/{slug}.{lang}.md", self.text(section, slug, lang, links))

    def write_hugo(self, root):
        for n, (section, slug) in enumerate(self.items()):
            for lang in LANGS:
                links = [f"/{lang}/{self.slug}/{s}/{t}/" for s, t in self.neighbours(n)]
                write(root / f"content/{lang}/{self.slug}/{section}/{slug}.md", self.text(section, slug, lang, links))
            for lang in LANGS:
                index = root / f"content/{lang}/{self.slug}/{section}/_index.md"
                if not index.exists():
                    write(index, front([("title", section)]))
        for lang in LANGS:
            write(root / f"content/{lang}/{self.slug}/_index.md", front([("title", self.name)]))

    def text(self, section, slug, lang, links):
        """Front matter and body of one page; the same words for torg and Hugo, only links differ."""
        rng = random.Random(f"{self.seed}/{slug}/{lang}")
        fields = [("title", sentence(rng, lang, 4)[:-1])]
        if section in ("services", "plan"):
            fields.append(("summary", sentence(rng, lang, 10)))
        if section == "themes":
            fields.append(("measures", {f"tiltak-{m}": sentence(rng, lang, 8) for m in range(1, MEASURES + 1)}))
        return front(fields) + body(rng, lang, links)

    def neighbours(self, n):
        """Two other items of the portal, as (section, slug), for the body's links."""
        items = list(self.items())
        return [items[(n + 1) % len(items)], items[(n + 7) % len(items)]]


def hugo_config(root):
    langs = "".join(
        f'[languages.{lang}]\n  weight = {i + 1}\n  contentDir = "content/{lang}"\n'
        + ('  languageDirection = "rtl"\n' if lang == "ar" else "")
        for i, lang in enumerate(LANGS)
    )
    write(root / "hugo.toml", 'baseURL = "https://example.org/"\ndefaultContentLanguage = "nb"\n'
          'defaultContentLanguageInSubdir = true\ndisableKinds = ["taxonomy", "term", "RSS"]\n'
          'enableRobotsTXT = false\n' + langs)
    shutil.copytree(Path(__file__).parent / "hugo-layouts", root / "layouts", dirs_exist_ok=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", type=int, help="content pages across all languages")
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    portals = max(1, round(args.pages / PAGES_PER_PORTAL))
    if args.out.exists():
        shutil.rmtree(args.out)
    hugo_config(args.out / "hugo")
    for number in range(1, portals + 1):
        portal = Portal(number, args.seed)
        portal.write_torg(args.out / "torg/content")
        portal.write_hugo(args.out / "hugo")
    print(f"{portals} portals, {portals * PAGES_PER_PORTAL} content pages in {args.out}")


if __name__ == "__main__":
    main()
