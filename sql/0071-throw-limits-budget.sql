-- 0071-throw-limits-budget.sql — an address's throws are a budget, not one per
-- interval: a hundred people behind one venue NAT share an address, so it may
-- throw Masakari.AddressThrowBurst at once and then
-- Masakari.AddressThrowsPerMinute (docs/ARCHITECTURE.md, "Limits per address").
-- tokens is what is left of the budget at last_at; NULL on the ID rows, which
-- keep one throw per Masakari.ThrowIntervalSeconds.

ALTER TABLE throw_limits ADD COLUMN tokens DOUBLE NULL;
