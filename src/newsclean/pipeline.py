"""The ordered rule tuple: labels every block, records every decision.

``Pipeline`` is immutable; :meth:`Pipeline.without` and :meth:`Pipeline.with_rule` return new
pipelines, so callers can switch a rule off or add their own without touching global state.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from .blocks import Document
from .deadline import TimedBlocks, budget_exceeded, check_deadline, with_deadline
from .meta import MetaScan
from .rules import DEFAULT_RULES, Context, Label, Rule, Verdict
from .rules.fallback import SentenceFallback
from .wordscan import WordScanner

UNDECIDED_RULE = "quality.undecided"


@dataclass(frozen=True)
class Pipeline:
    """The ordered rules.

    ``gates``: line rules with a :class:`~newsclean.rules.base.Gate` judge only the blocks that
    pass it (found by one word scan of the document for all rules); ``gates=False`` judges every
    block. Both give the same result (a gate is a necessary condition of its rule's drops);
    the switch exists to check exactly that.

    ``fallback``: when no block is kept, the last step that keeps sentence blocks only the
    judgement rules (prose classifier, context smoothing, main region) had dropped (see
    :class:`~newsclean.rules.fallback.SentenceFallback`); ``None`` switches it off.
    """

    rules: tuple[Rule, ...] = DEFAULT_RULES
    gates: bool = True
    fallback: SentenceFallback | None = SentenceFallback()

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(rule.id for rule in self.rules)

    def without(self, *rule_ids: str) -> "Pipeline":
        unknown = set(rule_ids) - set(self.ids)
        if unknown:
            raise ValueError(f"no rule with id {sorted(unknown)}; known ids: {', '.join(self.ids)}")
        return Pipeline(tuple(r for r in self.rules if r.id not in rule_ids), gates=self.gates, fallback=self.fallback)

    def with_rule(self, rule: Rule, *, before: str | None = None, after: str | None = None) -> "Pipeline":
        """A new pipeline with ``rule`` inserted before/after the named rule (default: before smoothing)."""
        rules = list(self.rules)
        anchor = before or after
        if anchor is None:
            position = len(rules) - 1 if rules else 0
        else:
            if anchor not in self.ids:
                raise ValueError(f"no rule with id {anchor!r}; known ids: {', '.join(self.ids)}")
            position = self.ids.index(anchor) + (1 if after else 0)
        rules.insert(position, rule)
        return Pipeline(tuple(rules), gates=self.gates, fallback=self.fallback)

    @cached_property
    def _scanner(self) -> WordScanner | None:
        """One scanner for the gate words of every rule (None when no rule has a gate or gates are off)."""
        words: set[str] = set()
        for rule in self.rules:
            gate = getattr(rule, "gate", None)
            if gate is not None:
                words.update(gate.scan_words)
        return WordScanner(words) if self.gates and words else None

    def label(self, doc: Document, meta: MetaScan, *, deadline: float | None = None) -> list[Label]:
        """Run every rule in order; the first verdict on a block wins. Undecided blocks are kept.

        With a ``deadline`` (a ``time.monotonic()`` value) the clock is checked before each rule,
        and, for large documents, every few hundred verdicts and while a rule iterates the
        blocks (see :mod:`newsclean.deadline`); past it, :class:`TimeBudgetExceededError` is raised.
        """
        labels: list[Label | None] = [None] * len(doc.blocks)
        doc = with_deadline(doc, deadline)
        scanner = self._scanner
        word_hits = scanner.scan(doc.blocks, deadline=deadline) if scanner is not None else None
        for rule in self.rules:
            check_deadline(deadline, f"before rule {rule.id!r}")
            ctx = Context(doc=doc, meta=meta, labels=labels, word_hits=word_hits)
            blocks = doc.blocks
            if isinstance(blocks, TimedBlocks):
                verdicts = _collect(rule(ctx), blocks.deadline, blocks.step, rule.id)
            else:
                verdicts = list(rule(ctx))
            for verdict in verdicts:
                if labels[verdict.index] is None:
                    labels[verdict.index] = Label(verdict.keep, rule.id, verdict.reason)
        final = [
            label if label is not None else Label(True, UNDECIDED_RULE, "no rule decided; kept")
            for label in labels
        ]
        return self.fallback.relabel(doc.blocks, final) if self.fallback is not None else final


def _collect(verdicts: Iterable[Verdict], deadline: float, step: int, rule_id: str) -> list[Verdict]:
    """``list(verdicts)``, checking the deadline every ``step`` verdicts (large documents)."""
    out: list[Verdict] = []
    append = out.append
    for verdict in verdicts:
        append(verdict)
        if not len(out) % step and time.monotonic() > deadline:
            raise budget_exceeded(f"in rule {rule_id!r}")
    return out
