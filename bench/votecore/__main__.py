import sys

from bench.votecore.run import main

sys.exit(main())
