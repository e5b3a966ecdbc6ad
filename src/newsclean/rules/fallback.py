"""The last step when no block survived: sentences that only the judgement rules had dropped.

Every other rule drops a block for what it *is* (a byline, a disclaimer, a related list). The
prose classifier, context smoothing and the main-region finder drop blocks for how they *score*
against their neighbours; on a page with no prose article (a job ad, a short post among link
lists, a product page) they can drop everything, and the page would be rejected with
``NoArticleError`` although it holds readable sentences. This step runs only then: it keeps the
blocks that read as sentences and that only those judgement rules had dropped, each with the
original drop reason in its own. A page of menus, teasers or bylines still has no article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..blocks import Block
from .base import Label


@dataclass(frozen=True)
class SentenceFallback:
    """Keeps sentence blocks dropped only by judgement rules, when no block was kept at all.

    Keeps (on a page where nothing else survived): ``Applicants should send a letter and CV to
    the office by Friday.`` (a whole sentence, dropped as a short block without a kept neighbour).
    Leaves dropped: ``Home  News  Sport  Contact`` (no sentence), ``By Jane Doe`` (dropped by a
    metadata rule), and everything when the sentences add up to fewer than ``min_total_size``
    tokens.
    """

    id = "fallback.sentences"
    #: the rules whose drops are judgements of prose-likeness or position, not chrome patterns
    judgement_rules: frozenset[str] = frozenset({"quality.prose", "quality.context", "region.outside_main"})
    #: a kept block must end a sentence and hold this many tokens (words or CJK characters)
    min_block_size: int = 5
    #: the kept blocks together must hold this many tokens, or the page stays without an article
    min_total_size: int = 30

    def relabel(self, blocks: Sequence[Block], labels: list[Label]) -> list[Label]:
        """``labels`` unchanged when any block is kept; otherwise with the fallback's keeps."""
        if any(label.keep for label in labels):
            return labels
        chosen = [
            block.index for block, label in zip(blocks, labels)
            if label.rule in self.judgement_rules and block.ends_sentence and block.size >= self.min_block_size
        ]
        total = sum(blocks[i].size for i in chosen)
        if total < self.min_total_size:
            return labels
        out = list(labels)
        for i in chosen:
            dropped = labels[i]
            out[i] = Label(True, self.id, f"no block passed as article text; kept one of {len(chosen)} sentence blocks "
                                          f"({total} tokens) that only {dropped.rule} had dropped ({dropped.reason})")
        return out
