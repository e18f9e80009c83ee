from consortium_ready.cli import main

raise SystemExit(main())
