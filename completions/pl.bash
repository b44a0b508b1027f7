# bash completion for pl(1), the learner portfolio tool.
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

_pl()
{
	local cur=${COMP_WORDS[COMP_CWORD]}
	local prog=${COMP_WORDS[0]}
	local -a pre=() dirs=() args=() cands=() descs=()
	local i=1 w c files=0 described=0

	[[ $prog == "~/"* ]] && prog=$HOME/${prog#"~/"}
	COMPREPLY=()

	# Global options come before the command.
	while ((i < COMP_CWORD)); do
		w=${COMP_WORDS[i]}
		case $w in
		-C)
			if ((i + 1 == COMP_CWORD)); then
				# Completing -C's DIR.
				compopt -o filenames 2>/dev/null
				mapfile -t COMPREPLY < <(compgen -d -- "$cur")
				return 0
			fi
			w=${COMP_WORDS[i + 1]}
			[[ $w == "~/"* ]] && w=$HOME/${w#"~/"}
			pre+=(-C "$w")
			dirs+=("$w")
			((i += 2))
			continue
			;;
		-C?*)
			w=${w#-C}
			[[ $w == "~/"* ]] && w=$HOME/${w#"~/"}
			pre+=(-C "$w")
			dirs+=("$w")
			;;
		-h | --help | -V | --version | -p | --paginate | -P | \
		    --no-pager) ;;
		*)
			break
			;;
		esac
		((i++))
	done
	args=("${COMP_WORDS[@]:i:COMP_CWORD-i}")

	mapfile -t cands < <("$prog" "${pre[@]}" __complete "${args[@]}" \
	    "$cur" 2>/dev/null)
	for c in "${cands[@]}"; do
		if [[ $c == @file ]]; then
			files=1
		elif [[ $c == *$'\t'* ]]; then
			COMPREPLY+=("${c%%$'\t'*}")
			descs+=("${c#*$'\t'}")
			described=1
		elif [[ -n $c ]]; then
			COMPREPLY+=("$c")
			descs+=("")
		fi
	done
	# bash shows no descriptions: while there is a choice, each candidate
	# carries its own ("2  (Read chapter 2)"); a single one goes in bare.
	if ((described && ${#COMPREPLY[@]} > 1)); then
		for i in "${!COMPREPLY[@]}"; do
			[[ -n ${descs[i]} ]] &&
			    COMPREPLY[i]="${COMPREPLY[i]}  (${descs[i]})"
		done
	fi
	if ((files)); then
		compopt -o filenames 2>/dev/null
		# File names are relative to where pl will run (-C).
		mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(
			for w in "${dirs[@]}"; do
				cd -- "$w" 2>/dev/null || exit
			done
			compgen -f -- "$cur"
		)
	fi
	return 0
}

complete -F _pl pl
