import sys

from impactbot.cli import main

sys.exit(main())
