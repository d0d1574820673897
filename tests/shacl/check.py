"""What tests/open_data.rs asks of a real SHACL validator (pyshacl, with rdflib).

    check.py validate SHAPES FILE...   one line per file: `FILE: conforms` or
                                       `FILE: does not conform`, then one line per problem,
                                       `violation: FOCUS-NODE PATH` (full IRIs), and pyshacl's report
    check.py same A B                  `isomorphic` when the two files hold the same graph

A file's format is told by its name (.ttl: Turtle, .jsonld: JSON-LD). Exits non-zero only when
a file cannot be read, so that the Rust test reads every verdict from the output.
"""

import sys

import pyshacl
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SH


def load(path):
    fmt = "json-ld" if path.endswith(".jsonld") else "turtle"
    return rdflib.Graph().parse(path, format=fmt)


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


def same(a, b):
    print("isomorphic" if isomorphic(load(a), load(b)) else "different")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "validate":
        validate(args[0], args[1:])
    elif command == "same":
        same(*args)
    else:
        sys.exit(f"unknown command {command}")
