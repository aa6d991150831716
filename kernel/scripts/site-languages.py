#!/usr/bin/python3
"""Joins the two languages of the static HTML book that execute-notebooks.sh --html renders:

    /usr/bin/python3 kernel/scripts/site-languages.py site

site/<name>.html is a notebook in English, site/zh/<name>.html the same notebook in Chinese. Each
page gets a bar at its top that links to the same notebook in the other language (where it
exists) and to the contents; site/index.html and site/zh/index.html list the notebooks by their
first heading. Running it again replaces the bars it added before.
"""
import html
import pathlib
import re
import sys

BAR_START, BAR_END = "<!-- dlfs-language-switch -->", "<!-- /dlfs-language-switch -->"
STYLE = ("position:sticky;top:0;z-index:10;background:#f7f7f7;border-bottom:1px solid #ddd;"
         "padding:6px 16px;font:14px sans-serif")
LABEL = {"en": "English", "zh": "中文"}
CONTENTS = {"en": "Contents", "zh": "目录"}


def title(page):
    m = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S)
    text = re.sub(r"<[^>]+>", "", m.group(1)) if m else page.stem
    return html.unescape(text).replace("¶", "").strip()


def bar(lang, other):
    links = ['<a href="index.html">%s</a>' % CONTENTS[lang]]
    for l in ("en", "zh"):
        if l == lang:
            links.append("<b>%s</b>" % LABEL[l])
        elif other is not None:
            links.append('<a href="%s">%s</a>' % (other, LABEL[l]))
    return '%s<div style="%s">%s</div>%s' % (BAR_START, STYLE, " · ".join(links), BAR_END)


def with_bar(text, new_bar):
    text = re.sub(re.escape(BAR_START) + ".*?" + re.escape(BAR_END), "", text, flags=re.S)
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + new_bar, text, count=1)


def main(site):
    folders = {"en": site, "zh": site / "zh"}
    pages = {l: sorted(p for p in d.glob("*.html") if p.name != "index.html") if d.is_dir() else []
             for l, d in folders.items()}
    for lang, other_lang, up in (("en", "zh", "zh/"), ("zh", "en", "../")):
        for page in pages[lang]:
            twin = folders[other_lang] / page.name
            page.write_text(with_bar(page.read_text(encoding="utf-8"),
                                     bar(lang, up + page.name if twin.exists() else None)), encoding="utf-8")
        if pages[lang]:
            items = "\n".join('<li><a href="%s">%s</a></li>' % (p.name, html.escape(title(p))) for p in pages[lang])
            switch = bar(lang, up + "index.html" if pages[other_lang] else None)
            (folders[lang] / "index.html").write_text(
                '<!DOCTYPE html>\n<html lang="%s"><head><meta charset="utf-8"><title>DLFS-Java</title></head>'
                '<body>%s<h1>DLFS-Java</h1>\n<ol>\n%s\n</ol></body></html>\n'
                % ("zh-CN" if lang == "zh" else "en", switch, items), encoding="utf-8")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
