#!/usr/bin/env python3
"""Add a sentence at the end of a markdown page, or take it away if it is there.

    toggle-sentence.py PAGE            add or remove
    toggle-sentence.py --restore PAGE  remove if present

bench/compare.sh runs it before each "edit" run, so every run rebuilds after a real
change to one page and the corpus ends as it began.
"""
import sys

SENTENCE = "\nCâu thêm để đo thời gian dựng lại sau khi sửa một trang.\n"


def main(argv):
    restore = argv[:1] == ["--restore"]
    path = argv[-1]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if text.endswith(SENTENCE):
        text = text[: -len(SENTENCE)]
    elif not restore:
        text += SENTENCE
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main(sys.argv[1:])
