"""The Workflows expression language (`${...}`): a tokenizer, a precedence parser and an evaluator.

Semantics follow the Workflows reference (syntax/datatypes, "Order of operations"): precedence from the most
binding is `()`, `.`, `[]`, `not`, unary `-`, `* / // %`, `+ -`, comparisons and `in`, `and`, `or`; logical
operators take booleans only and may be written lower- or upper-case; `+` adds numbers or concatenates strings.
Everything is parsed when the workflow is loaded, so a malformed expression is a definition error, as on deploy.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from devstack.wf_errors import WfRaised, WorkflowDefinitionError, raised

# ---------------------------------------------------------------- values that are not JSON


@dataclass(frozen=True)
class ModuleRef:
    """A standard-library module name used as a value prefix (`http` in `http.default_retry_predicate`)."""

    name: str


@dataclass(frozen=True)
class FunctionRef:
    """A callable used as a value: a standard-library function or a subworkflow (retry predicates)."""

    name: str


# ---------------------------------------------------------------- tokens

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<number>\d+\.\d*(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+|\.\d+(?:[eE][+-]?\d+)?|\d+)
  | (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>//|==|!=|<=|>=|[-+*/%<>()\[\].,:{}])
    """,
    re.VERBOSE,
)

_KEYWORDS = {
    "and": "and",
    "AND": "and",
    "or": "or",
    "OR": "or",
    "not": "not",
    "NOT": "not",
    "in": "in",
}
_CONSTANTS: dict[str, Any] = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
    "null": None,
}
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", "/": "/", "b": "\b", "f": "\f"}


@dataclass(frozen=True)
class _Token:
    kind: str  # number, string, name, op, kw, const, end
    text: str
    value: Any = None


def _unescape(body: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        nxt = body[i + 1]
        if nxt == "u":
            out.append(chr(int(body[i + 2 : i + 6], 16)))
            i += 6
        elif nxt in _ESCAPES:
            out.append(_ESCAPES[nxt])
            i += 2
        else:
            raise ValueError(f"unknown escape \\{nxt}")
    return "".join(out)


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        if not m:
            raise ValueError(f"unexpected character {text[pos]!r} at {pos}")
        pos = m.end()
        kind = m.lastgroup
        raw = m.group()
        if kind == "ws":
            continue
        if kind == "number":
            is_float = any(c in raw for c in ".eE")
            tokens.append(_Token("number", raw, float(raw) if is_float else int(raw)))
        elif kind == "string":
            tokens.append(_Token("string", raw, _unescape(raw[1:-1])))
        elif kind == "name" and raw in _KEYWORDS:
            tokens.append(_Token("kw", _KEYWORDS[raw]))
        elif kind == "name" and raw in _CONSTANTS:
            tokens.append(_Token("const", raw, _CONSTANTS[raw]))
        else:
            tokens.append(_Token(str(kind), raw))
    tokens.append(_Token("end", ""))
    return tokens


# ---------------------------------------------------------------- syntax tree


class Node:
    """An expression node; `evaluate` computes its value in a context."""

    def evaluate(self, ctx: ExprContext) -> Any:
        raise NotImplementedError


class ExprContext(Protocol):
    """What an expression needs from the interpreter: variables, symbols and function calls."""

    def lookup(self, name: str) -> Any: ...

    def symbol(self, dotted: str) -> Any: ...

    def call(self, dotted: str, args: list[Any]) -> Any: ...


@dataclass(frozen=True)
class Literal(Node):
    value: Any

    def evaluate(self, ctx: ExprContext) -> Any:
        return self.value


@dataclass(frozen=True)
class Name(Node):
    name: str

    def evaluate(self, ctx: ExprContext) -> Any:
        return ctx.lookup(self.name)


@dataclass(frozen=True)
class Attr(Node):
    target: Node
    name: str

    def evaluate(self, ctx: ExprContext) -> Any:
        base = self.target.evaluate(ctx)
        if isinstance(base, ModuleRef):
            return ctx.symbol(f"{base.name}.{self.name}")
        if not isinstance(base, dict):
            raise raised("TypeError", f"cannot read key '{self.name}' of {type_name(base)}")
        if self.name not in base:
            raise raised("KeyError", f"key not found: {self.name}")
        return base[self.name]


@dataclass(frozen=True)
class Index(Node):
    target: Node
    index: Node

    def evaluate(self, ctx: ExprContext) -> Any:
        return index_value(self.target.evaluate(ctx), self.index.evaluate(ctx))


@dataclass(frozen=True)
class Call(Node):
    function: str
    args: tuple[Node, ...]

    def evaluate(self, ctx: ExprContext) -> Any:
        return ctx.call(self.function, [a.evaluate(ctx) for a in self.args])


@dataclass(frozen=True)
class ListLit(Node):
    items: tuple[Node, ...]

    def evaluate(self, ctx: ExprContext) -> Any:
        return [i.evaluate(ctx) for i in self.items]


@dataclass(frozen=True)
class MapLit(Node):
    items: tuple[tuple[str, Node], ...]

    def evaluate(self, ctx: ExprContext) -> Any:
        return {k: v.evaluate(ctx) for k, v in self.items}


@dataclass(frozen=True)
class Unary(Node):
    op: str
    operand: Node

    def evaluate(self, ctx: ExprContext) -> Any:
        value = self.operand.evaluate(ctx)
        if self.op == "not":
            if not isinstance(value, bool):
                raise raised("TypeError", f"'not' needs a boolean, got {type_name(value)}")
            return not value
        if not is_number(value):
            raise raised("TypeError", f"unary '-' needs a number, got {type_name(value)}")
        return -value


@dataclass(frozen=True)
class Logical(Node):
    op: str
    left: Node
    right: Node

    def evaluate(self, ctx: ExprContext) -> Any:
        left = _boolean(self.op, self.left.evaluate(ctx))
        if self.op == "and" and not left:
            return False
        if self.op == "or" and left:
            return True
        return _boolean(self.op, self.right.evaluate(ctx))


@dataclass(frozen=True)
class Binary(Node):
    op: str
    left: Node
    right: Node

    def evaluate(self, ctx: ExprContext) -> Any:
        return binary(self.op, self.left.evaluate(ctx), self.right.evaluate(ctx))


# ---------------------------------------------------------------- operator semantics


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def type_name(value: Any) -> str:
    """The type names of the Workflows `get_type` function."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bytes):
        return "bytes"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "map"
    return "function"


def _boolean(op: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise raised("TypeError", f"'{op}' needs booleans, got {type_name(value)}")
    return value


def values_equal(a: Any, b: Any) -> bool:
    if isinstance(a, bool) != isinstance(b, bool):
        return False
    if is_number(a) and is_number(b):
        return bool(a == b)
    if type_name(a) != type_name(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(values_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(values_equal(a[k], b[k]) for k in a)
    return bool(a == b)


def _arith(op: str, a: Any, b: Any) -> Any:
    if not (is_number(a) and is_number(b)):
        raise raised("TypeError", f"operator '{op}' needs numbers, got {type_name(a)} and {type_name(b)}")
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if b == 0:
        raise raised("ZeroDivisionError", "division by zero")
    if op == "/":
        return a / b
    if op == "//":
        return a // b if isinstance(a, int) and isinstance(b, int) else float(math.floor(a / b))
    return a % b


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "<": lambda a, b: bool(a < b),
    "<=": lambda a, b: bool(a <= b),
    ">": lambda a, b: bool(a > b),
    ">=": lambda a, b: bool(a >= b),
}


def binary(op: str, a: Any, b: Any) -> Any:
    if op == "+":
        if isinstance(a, str) and isinstance(b, str):
            return a + b
        return _arith_add(a, b)
    if op in ("-", "*", "/", "//", "%"):
        return _arith(op, a, b)
    if op == "==":
        return values_equal(a, b)
    if op == "!=":
        return not values_equal(a, b)
    if op == "in":
        if isinstance(b, list):
            return any(values_equal(a, x) for x in b)
        if isinstance(b, dict):
            if not isinstance(a, str):
                raise raised("TypeError", f"map keys are strings, got {type_name(a)}")
            return a in b
        raise raised("TypeError", f"'in' needs a list or a map, got {type_name(b)}")
    both_numbers = is_number(a) and is_number(b)
    both_strings = isinstance(a, str) and isinstance(b, str)
    if not (both_numbers or both_strings):
        raise raised("TypeError", f"cannot compare {type_name(a)} with {type_name(b)}")
    return _COMPARE[op](a, b)


def _arith_add(a: Any, b: Any) -> Any:
    if not (is_number(a) and is_number(b)):
        raise raised(
            "TypeError", f"operator '+' needs two numbers or two strings, got {type_name(a)} and {type_name(b)}"
        )
    return a + b


def index_value(base: Any, key: Any) -> Any:
    if isinstance(base, list):
        if not isinstance(key, int) or isinstance(key, bool):
            raise raised("TypeError", f"list index must be an integer, got {type_name(key)}")
        if key < 0 or key >= len(base):
            raise raised("IndexError", f"list index {key} out of range (length {len(base)})")
        return base[key]
    if isinstance(base, dict):
        if not isinstance(key, str):
            raise raised("TypeError", f"map key must be a string, got {type_name(key)}")
        if key not in base:
            raise raised("KeyError", f"key not found: {key}")
        return base[key]
    raise raised("TypeError", f"cannot index {type_name(base)}")


# ---------------------------------------------------------------- parser


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.pos = 0

    def peek(self) -> _Token:
        return self.tokens[self.pos]

    def take(self) -> _Token:
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def accept(self, kind: str, text: str) -> bool:
        tok = self.peek()
        if tok.kind == kind and tok.text == text:
            self.pos += 1
            return True
        return False

    def expect(self, kind: str, text: str) -> None:
        if not self.accept(kind, text):
            raise ValueError(f"expected {text!r}, found {self.peek().text or 'end'!r}")

    def parse(self) -> Node:
        node = self.parse_or()
        if self.peek().kind != "end":
            raise ValueError(f"unexpected {self.peek().text!r}")
        return node

    def parse_or(self) -> Node:
        node = self.parse_and()
        while self.accept("kw", "or"):
            node = Logical("or", node, self.parse_and())
        return node

    def parse_and(self) -> Node:
        node = self.parse_comparison()
        while self.accept("kw", "and"):
            node = Logical("and", node, self.parse_comparison())
        return node

    def parse_comparison(self) -> Node:
        node = self.parse_additive()
        while True:
            tok = self.peek()
            if (tok.kind == "op" and tok.text in ("==", "!=", "<", "<=", ">", ">=")) or (
                tok.kind == "kw" and tok.text == "in"
            ):
                self.take()
                node = Binary(tok.text, node, self.parse_additive())
            else:
                return node

    def parse_additive(self) -> Node:
        node = self.parse_multiplicative()
        while self.peek().kind == "op" and self.peek().text in ("+", "-"):
            op = self.take().text
            node = Binary(op, node, self.parse_multiplicative())
        return node

    def parse_multiplicative(self) -> Node:
        node = self.parse_unary()
        while self.peek().kind == "op" and self.peek().text in ("*", "/", "//", "%"):
            op = self.take().text
            node = Binary(op, node, self.parse_unary())
        return node

    def parse_unary(self) -> Node:
        if self.accept("kw", "not"):
            return Unary("not", self.parse_unary())
        if self.accept("op", "-"):
            return Unary("-", self.parse_unary())
        return self.parse_postfix()

    def parse_postfix(self) -> Node:
        node = self.parse_primary()
        while True:
            if self.accept("op", "."):
                tok = self.take()
                if tok.kind not in ("name", "kw", "const"):
                    raise ValueError(f"expected a key after '.', found {tok.text!r}")
                node = Attr(node, tok.text)
            elif self.accept("op", "["):
                index = self.parse_or()
                self.expect("op", "]")
                node = Index(node, index)
            elif self.peek().kind == "op" and self.peek().text == "(":
                self.take()
                node = Call(_dotted_name(node), tuple(self._arguments()))
            else:
                return node

    def _arguments(self) -> list[Node]:
        args: list[Node] = []
        if self.accept("op", ")"):
            return args
        while True:
            args.append(self.parse_or())
            if self.accept("op", ")"):
                return args
            self.expect("op", ",")

    def parse_primary(self) -> Node:
        tok = self.take()
        if tok.kind in ("number", "string", "const"):
            return Literal(tok.value)
        if tok.kind == "name":
            return Name(tok.text)
        if tok.kind == "op" and tok.text == "(":
            node = self.parse_or()
            self.expect("op", ")")
            return node
        if tok.kind == "op" and tok.text == "[":
            items: list[Node] = []
            if not self.accept("op", "]"):
                while True:
                    items.append(self.parse_or())
                    if self.accept("op", "]"):
                        break
                    self.expect("op", ",")
            return ListLit(tuple(items))
        if tok.kind == "op" and tok.text == "{":
            pairs: list[tuple[str, Node]] = []
            if not self.accept("op", "}"):
                while True:
                    key = self.take()
                    if key.kind != "string":
                        raise ValueError("map literal keys must be strings")
                    self.expect("op", ":")
                    pairs.append((str(key.value), self.parse_or()))
                    if self.accept("op", "}"):
                        break
                    self.expect("op", ",")
            return MapLit(tuple(pairs))
        raise ValueError(f"unexpected {tok.text or 'end of expression'!r}")


def _dotted_name(node: Node) -> str:
    if isinstance(node, Name):
        return node.name
    if isinstance(node, Attr):
        return f"{_dotted_name(node.target)}.{node.name}"
    raise ValueError("only named functions can be called")


# ---------------------------------------------------------------- public helpers


def is_expression(value: Any) -> bool:
    """A string is an expression only when the whole value is `${...}`; anything else is a literal."""
    return isinstance(value, str) and value.startswith("${") and value.endswith("}")


def compile_expression(source: str, where: str) -> Node:
    """Parse `${...}`; a syntax error becomes a definition error naming the step."""
    try:
        return _Parser(source[2:-1]).parse()
    except (ValueError, IndexError) as exc:
        raise WorkflowDefinitionError(f"step '{where}': invalid expression {source!r}: {exc}") from exc


def called_functions(node: Node) -> list[str]:
    """Every function name an expression calls, so the loader can reject unknown ones before running."""
    found: list[str] = []
    stack: list[Any] = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, Call):
            found.append(cur.function)
            stack.extend(cur.args)
        elif isinstance(cur, Attr):
            stack.append(cur.target)
        elif isinstance(cur, Index):
            stack.extend([cur.target, cur.index])
        elif isinstance(cur, Unary):
            stack.append(cur.operand)
        elif isinstance(cur, Binary | Logical):
            stack.extend([cur.left, cur.right])
        elif isinstance(cur, ListLit):
            stack.extend(cur.items)
        elif isinstance(cur, MapLit):
            stack.extend(v for _, v in cur.items)
    return found


__all__ = [
    "ExprContext",
    "FunctionRef",
    "ModuleRef",
    "Node",
    "WfRaised",
    "binary",
    "called_functions",
    "compile_expression",
    "index_value",
    "is_expression",
    "is_number",
    "type_name",
    "values_equal",
]
