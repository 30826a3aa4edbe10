<?cs # status.cs — an attack job's status in words; expects t.Status. ?><?cs
if:t.Status == "queued" ?><?cs var:Text.Masakari.Status.Queued ?><?cs
elif:t.Status == "running" ?><?cs var:Text.Masakari.Status.Running ?><?cs
elif:t.Status == "done" ?><?cs var:Text.Masakari.Status.Done ?><?cs
elif:t.Status == "failed" ?><?cs var:Text.Masakari.Status.Failed ?><?cs
else ?><?cs var:t.Status ?><?cs /if ?>