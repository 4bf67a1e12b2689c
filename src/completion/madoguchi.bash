# bash completion for madoguchi(1)
_madoguchi()
{
	# The word being completed as the shell splits it, whatever
	# COMP_WORDBREAKS does with '=' (by default bash makes --format=j
	# three words: --format, = and j).
	local line=${COMP_LINE:0:COMP_POINT} cur prev pre= IFS=$'\n'
	local opts='--filter= --list --format= --data= --check --query= --line --lang=
		--color= --colour= --no-mouse --no-osc52 --no-hyperlinks --no-print --ascii
		--restricted --idle-timeout= --max-session= --help --version
		-f -l -F -d -q -h -V'
	local formats='plain tsv json' langs='ja en' colors='auto always never'

	cur=${line##*[[:space:]]}
	line=${line%"$cur"}
	line=${line%"${line##*[![:space:]]}"}
	prev=${line##*[[:space:]]}
	# A file name is one word, spaces and all; a directory ends in /.
	case $prev in
	-F|--format) COMPREPLY=($(IFS=' '; compgen -W "$formats" -- "$cur")); return ;;
	--lang) COMPREPLY=($(IFS=' '; compgen -W "$langs" -- "$cur")); return ;;
	--color|--colour) COMPREPLY=($(IFS=' '; compgen -W "$colors" -- "$cur")); return ;;
	-d|--data) compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur")); return ;;
	esac
	case $cur in
	--*=*)
		# A reply stands for what bash takes as the word: only the value
		# when '=' breaks words, the whole option otherwise.
		[[ $COMP_WORDBREAKS == *=* ]] || pre=${cur%%=*}=
		case ${cur%%=*} in
		--format) COMPREPLY=($(IFS=' '; compgen -P "$pre" -W "$formats" -- "${cur#*=}")) ;;
		--lang) COMPREPLY=($(IFS=' '; compgen -P "$pre" -W "$langs" -- "${cur#*=}")) ;;
		--color|--colour) COMPREPLY=($(IFS=' '; compgen -P "$pre" -W "$colors" -- "${cur#*=}")) ;;
		--data) compopt -o filenames 2>/dev/null
			COMPREPLY=($(compgen -P "$pre" -f -- "${cur#*=}")) ;;
		esac ;;
	-*) COMPREPLY=($(IFS=$' \t\n'; compgen -W "$opts" -- "$cur"))
	    [[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null ;;
	esac
}
complete -F _madoguchi madoguchi
