"""The reviewer's workspace as pure logic: finding ids, report versions, decisions, fact corrections, summaries.

No I/O here: the API (functions/api) and its Firestore/Storage code (labeliq.cloud.workspace_*) call these.
"""
