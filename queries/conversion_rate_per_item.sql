-- @name conversion_rate_per_item
-- @description Add-to-cart clicks divided by product views, per item, over a date range.
-- @param store INT = 1
-- @param since DATE = '2026-11-16'
-- @param until DATE = '2026-11-22'
-- @param min_views INT = 20
SELECT item_id,
       views,
       add_to_cart_clicks,
       round(add_to_cart_clicks / views, 4) AS conversion_rate
FROM (
  SELECT coalesce(detail->>'item_id', detail->'click_target'->>'item_id') AS item_id,
         count(*) FILTER (WHERE event_id = 1 AND detail->>'page_type' = 'product') AS views,
         count(*) FILTER (WHERE event_id = 2 AND detail->'click_target'->>'btn-id' = 'shop_add_to_cart') AS add_to_cart_clicks
  FROM user_logs
  WHERE store_id = :store
    AND event_date BETWEEN :since AND :until
    AND event_id IN (1, 2)
  GROUP BY 1
) per_item
WHERE views >= :min_views
ORDER BY conversion_rate DESC, item_id
LIMIT 50;
