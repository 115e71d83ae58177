"""Benefits views."""
