"""Units after a number, as written -> one normalised name, and conversions between units of a kind."""

from __future__ import annotations

MONEY = "元"
# Written form -> normalised unit. Matched longest first, so 个月 wins over 个 and 千克 over 千.
UNITS: dict[str, str] = {
    # money (毛/角 are tenths of a 元 and handled where the number is read)
    "块钱": MONEY, "块": MONEY, "元": MONEY, "圆": MONEY,
    # weight and volume
    "公斤": "公斤", "千克": "公斤", "kg": "公斤", "市斤": "斤", "斤": "斤", "克": "克", "g": "克",
    "毫升": "毫升", "ml": "毫升", "升": "升", "l": "升",
    "厘米": "厘米", "cm": "厘米", "毫米": "毫米", "mm": "毫米",
    # temperature, share, discount
    "摄氏度": "℃", "°c": "℃", "℃": "℃", "度": "℃", "%": "%", "折": "折",
    # time
    "个工作日": "天", "个小时": "小时", "小时": "小时", "钟头": "小时", "分钟": "分钟", "秒钟": "秒", "秒": "秒",
    "个月": "个月", "天": "天", "年": "年", "周": "周", "个星期": "周", "星期": "周",
    "月": "月", "日": "日", "号": "日",  # dates: 12月8日, 8号
    # portions, packages and things counted (measure words)
    "人份": "人份", "份": "份", "袋": "袋", "个": "个", "只": "只", "盒": "盒", "箱": "箱", "瓶": "瓶",
    "罐": "罐", "包": "包", "组": "组", "桶": "桶", "颗": "颗", "根": "根", "片": "片", "枚": "枚",
    "杯": "杯", "串": "串", "把": "把", "件": "件", "条": "条", "张": "张", "碗": "碗", "勺": "勺",
    "粒": "粒", "双": "双", "套": "套", "提": "提", "听": "听", "支": "支", "头": "头", "尾": "尾",
    "棵": "棵", "扎": "扎", "捆": "捆", "板": "板", "单": "单", "次": "次", "种": "种", "样": "样",
    "步": "步", "位": "位", "人": "人", "家": "家", "户": "户",
    # addresses in a compound: 3栋2单元501
    "号楼": "栋", "栋": "栋", "幢": "栋", "单元": "单元", "楼": "楼", "层": "层", "室": "室",
}
LATIN_UNITS = {"kg", "g", "ml", "l", "cm", "mm", "°c"}
WEIGHT = {"斤": 500.0, "两": 50.0, "公斤": 1000.0, "克": 1.0}  # in grams
VOLUME = {"升": 1000.0, "毫升": 1.0}
LENGTH = {"厘米": 10.0, "毫米": 1.0}
DURATION = {"年": 12.0, "个月": 1.0}  # months; 天/周 are not converted (a month is not 30 days)
CLOCK = {"小时": 3600.0, "分钟": 60.0, "秒": 1.0}
KINDS = (WEIGHT, VOLUME, LENGTH, DURATION, CLOCK)
MEASURES = frozenset({MONEY, "℃", "%", "折", *WEIGHT, *VOLUME, *LENGTH})  # a spec, whatever the number
TIMES = frozenset({*DURATION, *CLOCK, "天", "周"})
DATE_PARTS = frozenset({"月", "日"})


def in_base_unit(value: float, unit: str | None) -> tuple[float, str | None]:
    """(value, unit) in the smallest unit of its kind: 1.5公斤 -> (1500, 克), 2年 -> (24, 个月)."""
    for kind in KINDS:
        if unit in kind:
            base = min(kind, key=kind.get)
            return round(value * kind[unit], 6), base
    return value, unit
