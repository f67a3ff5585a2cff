"""What the tests share that is not a fixture: the build scheduler, the scripts, a local server, data folders."""
