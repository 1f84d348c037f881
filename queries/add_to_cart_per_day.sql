-- @name add_to_cart_per_day
-- @description Add-to-cart clicks per day for one store, from a date to another (the original Spark job).
-- @param store INT = 2
-- @param since DATE = '2026-11-16'
-- @param until DATE = '2026-11-29'
SELECT event_date AS day,
       count(*) AS add_to_cart_clicks
FROM user_logs
WHERE store_id = :store
  AND event_date BETWEEN :since AND :until
  AND event_id = 2
  AND detail->'click_target'->>'btn-id' = 'shop_add_to_cart'
GROUP BY event_date
ORDER BY day;
