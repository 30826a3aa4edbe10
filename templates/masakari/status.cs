<?cs # status.cs — an attack job's status in words; expects t.Status. ?><?cs
if:t.Status == "queued" ?>待機中<?cs
elif:t.Status == "running" ?>攻撃中<?cs
elif:t.Status == "done" ?>完了<?cs
elif:t.Status == "failed" ?>失敗<?cs
else ?><?cs var:t.Status ?><?cs /if ?>