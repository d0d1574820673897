"""What tests/open_data.rs asks of a real SHACL validator (pyshacl, with rdflib).

    check.py validate SHAPES FILE...   one line per file: `FILE: conforms` or
                                       `FILE: does not conform`, then one line per problem,
                                       `violation: FOCUS-NODE PATH` (full IRIs), and pyshacl's report
    check.py same A B                  `isomorphic` when the two files hold the same graph
    check.py same A B BASE             the same, A read as if fetched from BASE, and without the
                                       `dct:identifier`s (a file without the portal's address
                                       identifies its nodes by their names in the file)

A file's format is told by its name (.ttl: Turtle, .jsonld: JSON-LD). Exits non-zero only when
a file cannot be read, so that the Rust test reads every verdict from the output.
"""

import sys

import pyshacl
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, SH


def load(path, base=None):
    fmt = "json-ld" if path.endswith(".jsonld") else "turtle"
    return rdflib.Graph().parse(path, format=fmt, publicID=base)


def validate(shapes_path, paths):
    shapes = load(shapes_path)
    for path in paths:
        conforms, results, text = pyshacl.validate(load(path), shacl_graph=shapes)
        print(f"{path}: {'conforms' if conforms else 'does not conform'}")
        if not conforms:
            for result in results.subjects(RDF.type, SH.ValidationResult):
                focus = results.value(result, SH.focusNode)
                path_ = results.value(result, SH.resultPath)
                print(f"violation: {focus} {path_}")
            print(text)


def same(a, b, base=None):
    ga, gb = load(a, base), load(b)
    if base is not None:
        for g in (ga, gb):
            g.remove((None, DCTERMS.identifier, None))
    print("isomorphic" if isomorphic(ga, gb) else "different")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "validate":
        validate(args[0], args[1:])
    elif command == "same":
        same(*args)
    else:
        sys.exit(f"unknown command {command}")
