"""Units of both languages mapped to one canonical name, so 斤 and catties compare equal.

Each entry is ``written form -> (canonical unit, scale)``; the scale folds a multiplier
written into the unit (亿元 = 10^8 yuan) into the value. Chinese classifiers that count
things without measuring them (个, 种, 台…) map to ``None``: they still mark a numeral as a
quantity, but say nothing a translation must keep.
"""
from __future__ import annotations

ZH_UNITS: dict[str, tuple[str | None, float]] = {
    "亿元": ("yuan", 1e8), "万元": ("yuan", 1e4), "元": ("yuan", 1.0),
    "列伊": ("lei", 1.0), "卢布": ("ruble", 1.0), "美元": ("dollar", 1.0),
    "万斤": ("jin", 1e4), "斤": ("jin", 1.0), "市斤": ("jin", 1.0), "担": ("dan", 1.0),
    "公斤": ("kg", 1.0), "吨": ("ton", 1.0), "公吨": ("ton", 1.0), "两": ("liang", 1.0),
    "亩": ("mu", 1.0), "公顷": ("hectare", 1.0), "平方公尺": ("square meter", 1.0),
    "平方米": ("square meter", 1.0), "平方公里": ("square km", 1.0),
    # earthwork and timber: 土方一千八百六十万公方, 木材三万立方公尺
    "公方": ("cubic meter", 1.0), "立方公尺": ("cubic meter", 1.0), "立方米": ("cubic meter", 1.0),
    "公尺": ("meter", 1.0), "米": ("meter", 1.0), "公里": ("km", 1.0), "里": ("li", 1.0),
    "呎": ("foot", 1.0), "英尺": ("foot", 1.0), "吋": ("inch", 1.0),
    "瓩": ("kW", 1.0), "千瓦": ("kW", 1.0), "度": ("kWh", 1.0), "千伏安": ("kVA", 1.0),
    "户": ("households", 1.0), "人次": ("people", 1.0), "人": ("people", 1.0),
    "名": ("people", 1.0), "位": ("people", 1.0),
}

# Classifiers: a numeral before one of these is a count of things.
ZH_CLASSIFIERS = tuple(
    "个 种 台 部 座 所 家 张 件 条 根 片 支 头 匹 间 项 批 处 块 辆 艘 架 只 本 篇 期 届 次 "
    "级 层 门 份 股 宗 起 场 班 队 组 社 县 省 市 乡 村 区 团 节 字 册 口 包 箱 车 船 盘 枚 "
    "颗 粒 棵 株 把 面 幅 栋 幢 尊 道 首 封 笔 桩 堆 群 伙 国 所 架 辆 双 套 眼 锅"
    .split())

# Units that measure (as opposed to classifiers): ``一`` before them is a real quantity.
ZH_MEASURES = frozenset(canon for canon, _ in ZH_UNITS.values()) - {"people"}

EN_UNITS: dict[str, str] = {
    "catty": "jin", "catties": "jin", "jin": "jin", "shi jin": "jin", "market catties": "jin",
    "dan": "dan", "picul": "dan",
    "piculs": "dan", "mu": "mu", "hectare": "hectare", "hectares": "hectare",
    "ton": "ton", "tons": "ton", "tonne": "ton", "tonnes": "ton",
    "kilogram": "kg", "kilograms": "kg", "kg": "kg",
    "kilowatt": "kW", "kilowatts": "kW", "kw": "kW", "kilowatt-hour": "kWh",
    "kilowatt-hours": "kWh", "kwh": "kWh", "kilovolt-ampere": "kVA",
    "kilovolt-amperes": "kVA", "kva": "kVA",
    "yuan": "yuan", "lei": "lei", "rubles": "ruble", "roubles": "ruble", "dollars": "dollar",
    "households": "households", "household": "households", "families": "households",
    "person-times": "person-times", "people": "people", "persons": "people",
    "person": "people",
    "pairs": "pairs", "sets": "sets", "square meters": "square meter",
    "square metres": "square meter", "cubic meters": "cubic meter",
    "cubic metres": "cubic meter", "cubic meter": "cubic meter", "cubic metre": "cubic meter",
    "meters": "meter", "metres": "meter", "km": "km",
    "kilometers": "km", "kilometres": "km", "li": "li", "foot": "foot", "feet": "foot",
    "inch": "inch", "inches": "inch",
    "year": "year", "years": "year", "month": "month", "months": "month",
    "day": "day", "days": "day", "hour": "hour", "hours": "hour", "minute": "minute",
    "minutes": "minute", "second": "second", "seconds": "second",
    "times": "times", "percent": "%", "per cent": "%", "%": "%",
    "head": "head",  # of livestock: a count of things, as 头 is
}

# 号 is no day and 厂 no classifier here: 五号高炉, 橡胶四厂 are names ("No. 5 blast
# furnace", "Rubber Factory No. 4"), as "No. 5" is in ``numbers_en``.
ZH_TIME_UNITS = {"年": "year", "个月": "month", "月": "month", "日": "day", "天": "day",
                 "周": "week", "星期": "week", "小时": "hour", "分钟": "minute",
                 "秒钟": "second"}


def longest_prefix(text: str, table) -> str | None:
    """The longest key of ``table`` that ``text`` starts with."""
    best = None
    for key in table:
        if text.startswith(key) and (best is None or len(key) > len(best)):
            best = key
    return best
