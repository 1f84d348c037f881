"""The four benchmark questions in the PySpark DataFrame API over the Spark Cassandra Connector.

Each question reads only the hourly partitions of its date range, in one of two ways:

- ``pushdown``: ``=`` and ``IN`` filters on every partition-key column, which the connector sends to
  Cassandra as one CQL query per calendar month of the range.
- ``direct-join``: a DataFrame of partition keys joined with the table, which
  CassandraSparkExtensions turns into a Cassandra Direct Join (one CQL query per key, run
  asynchronously, like ``joinWithCassandraTable``).

The JSON detail column is parsed once with ``from_json``, and no Python UDF runs, so every row
stays in the JVM. Each function returns a DataFrame whose columns and order match the saved report
of the same name in queries/.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import groupby
from typing import Callable

from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F

PARTITION_KEY = ["store_id", "year", "month", "day", "hour"]
READ_STRATEGIES = ("pushdown", "direct-join")

# Only the fields the questions use. Numbers in the JSON would come back as their text, like ->> does.
DETAIL_SCHEMA = "page_type STRING, item_id STRING, click_target STRUCT<`btn-id`: STRING, item_id: STRING>"
ADD_TO_CART = "shop_add_to_cart"
PAGE_VIEW = 1
CLICK = 2


def days_between(since: str, until: str) -> list[date]:
    """Return every calendar day from since to until, both ISO dates and both included."""
    first, last = date.fromisoformat(since), date.fromisoformat(until)
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


def user_logs(spark: SparkSession, keyspace: str) -> DataFrame:
    # directJoinSetting=on skips the connector's size estimate, which would otherwise pick a
    # full scan with a sort-merge join whenever system.size_estimates has no figures yet.
    return (
        spark.read.format("org.apache.spark.sql.cassandra")
        .options(keyspace=keyspace, table="user_logs", directJoinSetting="on")
        .load()
    )


def hourly_partition_keys(spark: SparkSession, stores: list[int], since: str, until: str) -> DataFrame:
    """Return one row per (store_id, year, month, day, hour) partition of the date range."""
    rows = [
        (store, day.year, day.month, day.day, hour)
        for store in stores
        for day in days_between(since, until)
        for hour in range(24)
    ]
    return spark.createDataFrame(rows, "store_id INT, year INT, month INT, day INT, hour INT")


def read_events(
    spark: SparkSession,
    keyspace: str,
    strategy: str,
    stores: list[int],
    since: str,
    until: str,
    event_ids: list[int],
) -> DataFrame:
    """Return the events of some stores and days with the given event ids, plus event_date and the parsed detail d."""
    table = user_logs(spark, keyspace).where(F.col("event_id").isin(event_ids))
    if strategy == "direct-join":
        events = hourly_partition_keys(spark, stores, since, until).join(table, PARTITION_KEY)
    elif strategy == "pushdown":
        # The connector pushes a partition-key restriction only when every key column has = or IN.
        # IN lists multiply, so one scan per month keeps the product equal to the wanted days.
        scans = []
        for (year, month), days in groupby(days_between(since, until), key=lambda day: (day.year, day.month)):
            scans.append(
                table.where(
                    F.col("store_id").isin(stores)
                    & (F.col("year") == year)
                    & (F.col("month") == month)
                    & F.col("day").isin([day.day for day in days])
                    & F.col("hour").isin(list(range(24)))
                )
            )
        events = scans[0]
        # NOTE: every question here stays within November 2026, so no run has used this union yet.
        for scan in scans[1:]:
            events = events.unionByName(scan)
    else:
        raise ValueError(f"unknown read strategy {strategy!r}; expected one of {', '.join(READ_STRATEGIES)}")
    return events.withColumn("event_date", F.make_date("year", "month", "day")).withColumn(
        "d", F.from_json("detail", DETAIL_SCHEMA)
    )


def store_range(params: dict) -> list[int]:
    return list(range(params["stores_from"], params["stores_to"] + 1))


def add_to_cart_per_day(spark: SparkSession, keyspace: str, strategy: str, params: dict) -> DataFrame:
    events = read_events(spark, keyspace, strategy, [params["store"]], params["since"], params["until"], [CLICK])
    return (
        events.where(F.col("d.click_target.`btn-id`") == ADD_TO_CART)
        .groupBy(F.col("event_date").alias("day"))
        .agg(F.count(F.lit(1)).alias("add_to_cart_clicks"))
        .orderBy("day")
    )


def top_items_viewed_per_day(spark: SparkSession, keyspace: str, strategy: str, params: dict) -> DataFrame:
    events = read_events(spark, keyspace, strategy, store_range(params), params["since"], params["until"], [PAGE_VIEW])
    views = (
        events.where(F.col("d.page_type") == "product")
        .groupBy(F.col("event_date").alias("day"), F.col("d.item_id").alias("item_id"))
        .agg(F.count(F.lit(1)).alias("views"))
    )
    by_views = Window.partitionBy("day").orderBy(F.desc("views"), F.asc("item_id"))
    return (
        views.withColumn("rank", F.row_number().over(by_views))
        .where(F.col("rank") <= params["top"])
        .orderBy("day", "rank")
    )


def top_items_added_to_cart_per_month(spark: SparkSession, keyspace: str, strategy: str, params: dict) -> DataFrame:
    events = read_events(spark, keyspace, strategy, store_range(params), params["since"], params["until"], [CLICK])
    clicks = (
        events.where(F.col("d.click_target.`btn-id`") == ADD_TO_CART)
        .groupBy(
            F.date_trunc("month", F.col("event_date")).alias("month"),
            F.col("d.click_target.item_id").alias("item_id"),
        )
        .agg(F.count(F.lit(1)).alias("add_to_cart_clicks"))
    )
    by_clicks = Window.partitionBy("month").orderBy(F.desc("add_to_cart_clicks"), F.asc("item_id"))
    return (
        clicks.withColumn("rank", F.row_number().over(by_clicks))
        .where(F.col("rank") <= params["top"])
        .orderBy("month", "rank")
    )


def conversion_rate_per_item(spark: SparkSession, keyspace: str, strategy: str, params: dict) -> DataFrame:
    events = read_events(
        spark, keyspace, strategy, [params["store"]], params["since"], params["until"], [PAGE_VIEW, CLICK]
    )
    is_product_view = (F.col("event_id") == PAGE_VIEW) & (F.col("d.page_type") == "product")
    is_add_to_cart = (F.col("event_id") == CLICK) & (F.col("d.click_target.`btn-id`") == ADD_TO_CART)
    per_item = events.groupBy(F.coalesce(F.col("d.item_id"), F.col("d.click_target.item_id")).alias("item_id")).agg(
        F.count(F.when(is_product_view, 1)).alias("views"),
        F.count(F.when(is_add_to_cart, 1)).alias("add_to_cart_clicks"),
    )
    # NOTE: Spark's round() rounds half up on the decimal form of the double, and cassalytics
    # rounds round(x * 10^4) / 10^4 like DuckDB, so a rate whose double sits just below a half
    # could round differently. The result check would report such a row.
    return (
        per_item.where(F.col("views") >= params["min_views"])
        .withColumn("conversion_rate", F.round(F.col("add_to_cart_clicks") / F.col("views"), 4))
        .orderBy(F.desc("conversion_rate"), F.asc("item_id"))
        .limit(50)
    )


QUESTIONS: dict[str, Callable[[SparkSession, str, str, dict], DataFrame]] = {
    "add_to_cart_per_day": add_to_cart_per_day,
    "top_items_viewed_per_day": top_items_viewed_per_day,
    "top_items_added_to_cart_per_month": top_items_added_to_cart_per_month,
    "conversion_rate_per_item": conversion_rate_per_item,
}
