"""Topics between stages: an in-process bus for one machine, Kafka for many."""
