from kamgen.cli import main

main()
