# bash completion for madoguchi(1)
_madoguchi()
{
	# The word being completed as the shell splits it, whatever
	# COMP_WORDBREAKS does with '=' (by default bash makes --format=j
	# three words: --format, = and j).
	local line=${COMP_LINE:0:COMP_POINT} cur prev pre=
	local opts='--filter= --list --format= --data= --check --query= --line --lang=
		--color= --no-mouse --no-osc52 --no-hyperlinks --ascii --restricted
		--idle-timeout= --max-session= --help --version'

	cur=${line##*[[:space:]]}
	line=${line%"$cur"}
	line=${line%"${line##*[![:space:]]}"}
	prev=${line##*[[:space:]]}
	case $prev in
	-F|--format) COMPREPLY=($(compgen -W 'plain tsv json' -- "$cur")); return ;;
	--lang) COMPREPLY=($(compgen -W 'ja en' -- "$cur")); return ;;
	--color) COMPREPLY=($(compgen -W 'auto always never' -- "$cur")); return ;;
	-d|--data) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	esac
	case $cur in
	--*=*)
		# A reply stands for what bash takes as the word: only the value
		# when '=' breaks words, the whole option otherwise.
		[[ $COMP_WORDBREAKS == *=* ]] || pre=${cur%%=*}=
		case ${cur%%=*} in
		--format) COMPREPLY=($(compgen -P "$pre" -W 'plain tsv json' -- "${cur#*=}")) ;;
		--lang) COMPREPLY=($(compgen -P "$pre" -W 'ja en' -- "${cur#*=}")) ;;
		--color) COMPREPLY=($(compgen -P "$pre" -W 'auto always never' -- "${cur#*=}")) ;;
		--data) COMPREPLY=($(compgen -P "$pre" -f -- "${cur#*=}")) ;;
		esac ;;
	-*) COMPREPLY=($(compgen -W "$opts" -- "$cur"))
	    [[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null ;;
	esac
}
complete -F _madoguchi madoguchi
