#!/usr/bin/python3
"""Validates content files against torg's JSON Schemas with a real validator (python3-jsonschema),
not torg's own code; tests/schema.rs drives it.

Reads lines `<schema file>\t<content file>` on standard input and prints one JSON object per line:
{"file": ..., "errors": [...]}, where no errors means the file is valid. A Markdown file is checked
by its front matter. YAML is read as YAML 1.2 reads it, as the YAML language server and torg do:
`2026-01-31` and `8:30` are texts and `no` is not `false` (PyYAML alone follows YAML 1.1).
Exits 3 when the validator cannot run, which the tests count as a failure, never a skip.
"""

import json
import re
import sys

try:
    import jsonschema
    import yaml
except ImportError as e:
    print(f"error: {e}; tests/run.sh installs python3-jsonschema and python3-yaml", file=sys.stderr)
    sys.exit(3)


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2's core schema: no dates, no sexagesimal numbers, and
    only `true` / `false` as booleans."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), list(first))


def front_matter(text):
    """The YAML between the first two `---` lines, or None when the file has none."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r") != "---":
        return None
    for i, line in enumerate(lines[1:], start=1):
        if line.rstrip() == "---":
            return "\n".join(lines[1:i])
    return None


def errors(schema, path):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    if path.endswith(".md"):
        text = front_matter(text)
        if text is None:
            return ["the file does not start with front matter"]
    try:
        data = yaml.load(text, Loader=Yaml12Loader)
    except yaml.YAMLError as e:
        return [f"not YAML: {e}"]
    validator = jsonschema.validators.validator_for(schema)(schema)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(file)'}: {e.message}" for e in validator.iter_errors(data)]


def main():
    schemas = {}
    for line in sys.stdin:
        schema_path, path = line.rstrip("\n").split("\t")
        if schema_path not in schemas:
            with open(schema_path, encoding="utf-8") as f:
                schemas[schema_path] = json.load(f)
            jsonschema.validators.validator_for(schemas[schema_path]).check_schema(schemas[schema_path])
        print(json.dumps({"file": path, "errors": errors(schemas[schema_path], path)}))


main()
