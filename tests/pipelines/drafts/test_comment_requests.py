import json

import pytest

from pipelines.drafts import mine_comment_requests
from pipelines.drafts.comments import classify_comment
from tests.utils.paths import MEDIA


@pytest.mark.parametrize(("text", "group"), [
    ("想要", "想要"), ("下次能不能来点菌菇汤底", "下次能不能来点菌菇汤底"), ("求上牛腩！", "求上牛腩"),
    ("+1", "+1/接龙"), ("＋１", "+1/接龙"), ("接龙", "+1/接龙"), ("投2", "投票选2"), ("2", "投票选2"), ("扣1", "投票选1"),
    ("这个辣度可以再低一点吗", "这个辣度可以再低一点吗"), ("给我留两瓶", "给我留两瓶"),
    ("主播晚上好", None), ("鸡蛋好嫩", None), ("多少钱", None),
])
def test_classify(text: str, group: str | None) -> None:
    assert classify_comment(text) == group


def test_real_stream_comments_are_grouped_and_counted() -> None:
    texts = [json.loads(line)["text"] for line in (MEDIA / "stream" / "comments.jsonl").open(encoding="utf-8")]
    mined = mine_comment_requests(texts)
    assert mined[0] == f"+1/接龙（{sum(t in ('+1', '接龙') for t in texts)}次）"
    assert f"想要（{texts.count('想要')}次）" in mined
    assert f"投票选2（{sum(t in ('投2', '2') for t in texts)}次）" in mined
    counts = [int(m.rsplit("（", 1)[1].rstrip("次）")) for m in mined]
    assert counts == sorted(counts, reverse=True)
    assert not any("晚上好" in m for m in mined)
    assert len(mine_comment_requests(texts, limit=3)) == 3


def test_no_comments_no_requests() -> None:
    assert mine_comment_requests([]) == []
