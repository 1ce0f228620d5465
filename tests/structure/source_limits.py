#!/usr/bin/env python3
"""Source limits a newcomer can rely on: no file in src/ over 500 lines and no
function over 60 lines (from the line with its opening brace to its closing
brace). Functions are found as the code is written here: a definition starts
at column 0 (namespaces are not indented) and ends at the first `}` at
column 0. Prints each offender as file:line and exits 1 if there is any.

usage: source_limits.py SRC_DIR [--max-file-lines N] [--max-function-lines N]
"""
import argparse
import pathlib
import re
import sys

NOT_FUNCTIONS = re.compile(r"^(namespace|struct|class|enum|union|extern|using|#|//|}|\s)")
# What may stand before a definition's return type on its line: attributes
# ([[noreturn]]) and a template head written on the same line.
PREFIX = re.compile(r"^(\[\[[^\]]*\]\]\s*|template\s*<[^<>]*(<[^<>]*>[^<>]*)*>\s*)*")


def code(line):
    """The line without its // comment, trailing space dropped; // inside a
    string or character literal is kept (1'000 is not a literal)."""
    quote = None
    i = 0
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c == '"' or (c == "'" and not (i > 0 and line[i - 1].isalnum() and line[i + 1:i + 2].isalnum())):
            quote = c
        elif line.startswith("//", i):
            return line[:i].rstrip()
        i += 1
    return line.rstrip()


def functions(lines):
    """Yields (first_line, length) for every function definition at column 0."""
    i = 0
    while i < len(lines):
        line = lines[i]
        rest = PREFIX.sub("", line)
        if not line or NOT_FUNCTIONS.match(line) or not re.match(r"^[A-Za-z_]", rest) or rest.startswith("template"):
            i += 1
            continue
        # A signature may span lines; it ends at the first line that ends in
        # '{' (the body follows), '}' (a body on one line) or ';' (a
        # declaration or a variable, though a default argument may be '= {}').
        j = i
        while j < len(lines) and not code(lines[j]).endswith(("{", "}", ";")):
            j += 1
        if j >= len(lines) or not code(lines[j]).endswith("{") or "(" not in "".join(lines[i:j + 1]):
            i = j + 1
            continue
        k = j + 1
        while k < len(lines) and not lines[k].startswith("}"):
            k += 1
        yield i + 1, k - j + 1
        i = k + 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("src")
    parser.add_argument("--max-file-lines", type=int, default=500)
    parser.add_argument("--max-function-lines", type=int, default=60)
    args = parser.parse_args()
    problems = []
    root = pathlib.Path(args.src)
    for path in sorted(list(root.rglob("*.cpp")) + list(root.rglob("*.hpp"))):
        lines = path.read_text(encoding="utf-8").split("\n")
        rel = path.relative_to(root.parent)
        if len(lines) - 1 > args.max_file_lines:
            problems.append(f"{rel}:1: {len(lines) - 1} lines (at most {args.max_file_lines})")
        for first, length in functions(lines):
            if length > args.max_function_lines:
                problems.append(f"{rel}:{first}: a function of {length} lines (at most {args.max_function_lines})")
    for p in problems:
        print(p)
    print(f"{len(problems)} over the limits")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
