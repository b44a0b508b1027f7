# fish completion for pl(1), the learner portfolio tool.
#
# Commands: align, clone, evidence, goal, help, init, log, profile, publish,
# reflect, report, roster, showcase, sync, verify; and merge-file, the
# plumbing git runs as a merge driver, which command names leave out.
#
# The candidates come from pl itself: "pl __complete WORDS..." is given the
# words after "pl" up to and including the one being completed, and prints
# one candidate per line from the same option tables that --help prints, so
# this file needs no change when a command or an option is added.  A line
# "@file" asks for file names; a line "VALUE<TAB>TEXT" is VALUE described by
# TEXT (a step number and the step).  Global options (-C DIR) are passed on
# to pl, so ids are read from the portfolio -C names; -p and -P are
# skipped.

function __pl_complete
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l prog $tokens[1]
    set -e tokens[1]
    set -l pre
    set -l dirs

    # Global options come before the command.
    while set -q tokens[1]
        switch $tokens[1]
            case -C
                if not set -q tokens[2]
                    # Completing -C's DIR.
                    __fish_complete_directories $cur
                    return
                end
                set -a pre -C $tokens[2]
                set -a dirs $tokens[2]
                set -e tokens[1..2]
            case '-C?*'
                set -l dir (string sub -s 3 -- $tokens[1])
                set -a pre -C $dir
                set -a dirs $dir
                set -e tokens[1]
            case -h --help -V --version -p --paginate -P --no-pager
                set -e tokens[1]
            case '*'
                break
        end
    end

    for c in (command $prog $pre __complete $tokens $cur 2>/dev/null)
        if test "$c" = @file
            # File names are relative to where pl will run (-C).
            if set -q dirs[1]
                set -l here $PWD
                for dir in $dirs
                    cd $dir 2>/dev/null; or break
                end
                __fish_complete_path $cur
                cd $here
            else
                __fish_complete_path $cur
            end
        else if test -n "$c"
            # "VALUE<TAB>TEXT" is fish's own way to describe a candidate
            echo $c
        end
    end
end

complete -c pl -f -a '(__pl_complete)'
