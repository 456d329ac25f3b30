"""The jobs API (functions/api): projects, uploads, progress, reviewer decisions and report versions, behind IAP."""
