"""Process safety, below everything: errors a user can cause, atomic outputs, signals, worker
processes, and the marks that tell the tool's own outputs apart."""
