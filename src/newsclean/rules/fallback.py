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
    Without enough sentences, keeps the longest run of list items instead (``+ Added a new
    world type``, ``* Trading has been rebalanced`` … five or more, the median one of three tokens
    or more: a changelog, a list post).
    Leaves dropped: ``Home  News  Sport  Contact`` (no sentence), ``By Jane Doe`` (dropped by a
    metadata rule), and everything when the sentences (or list items) add up to fewer than
    ``min_total_size`` tokens.
    """

    id = "fallback.sentences"
    #: the rules whose drops are judgements of prose-likeness or position, not chrome patterns
    judgement_rules: frozenset[str] = frozenset({"quality.prose", "quality.context", "region.outside_main"})
    #: a kept block must end a sentence and hold this many tokens (words or CJK characters)
    min_block_size: int = 5
    #: the kept blocks together must hold this many tokens, or the page stays without an article
    min_total_size: int = 20
    #: without enough sentences: the longest run of consecutive list items (a changelog, a list
    #: post) is kept when it has this many items
    min_list_items: int = 5
    #: ...and when its median item holds this many tokens (not a column of single labels)
    min_median_item_size: int = 3

    def relabel(self, blocks: Sequence[Block], labels: list[Label]) -> list[Label]:
        """``labels`` unchanged when any block is kept; otherwise with the fallback's keeps."""
        if any(label.keep for label in labels):
            return labels
        chosen = [
            block.index for block, label in zip(blocks, labels)
            if label.rule in self.judgement_rules and block.ends_sentence and block.size >= self.min_block_size
        ]
        total = sum(blocks[i].size for i in chosen)
        what = "sentence blocks"
        if total < self.min_total_size:
            run = self._longest_list_run(blocks)
            chosen = [i for i in run if labels[i].rule in self.judgement_rules]
            total = sum(blocks[i].size for i in chosen)
            what = f"items of a run of {len(run)} list items"
            sizes = sorted(blocks[i].size for i in run)
            median = sizes[len(sizes) // 2] if sizes else 0
            if len(chosen) < self.min_list_items or total < self.min_total_size or median < self.min_median_item_size:
                return labels
        out = list(labels)
        for i in chosen:
            dropped = labels[i]
            out[i] = Label(True, self.id, f"no block passed as article text; kept one of {len(chosen)} {what} "
                                          f"({total} tokens) that only {dropped.rule} had dropped ({dropped.reason})")
        return out

    @staticmethod
    def _longest_list_run(blocks: Sequence[Block]) -> list[int]:
        """Indices of the longest run of consecutive list-marked blocks (the first of equal runs)."""
        best: list[int] = []
        run: list[int] = []
        for block in blocks:
            if block.list_marker:
                run.append(block.index)
                if len(run) > len(best):
                    best = list(run)
            else:
                run = []
        return best
