"""Pages of the solidarity hub, one module per topic: the hub itself, campaigns
(with their timeline and team), strikes, organizing targets, events, requests (with
their pledges) and letters (with their co-signers, PDF and public page)."""
