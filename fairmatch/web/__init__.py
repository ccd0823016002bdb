"""Web helpers the features share: bulk actions on work queues (`bulk`) and the responses that
send documents and tables (`responses`)."""
