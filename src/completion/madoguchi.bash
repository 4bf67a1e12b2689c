# bash completion for madoguchi(1)
_madoguchi()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local opts='--filter= --list --format= --data= --check --query= --lang=
		--color= --no-mouse --no-osc52 --no-hyperlinks --ascii --restricted --idle-timeout= --max-session=
		--help --version'

	case $prev in
	-F|--format) COMPREPLY=($(compgen -W 'plain tsv json' -- "$cur")); return ;;
	-d|--data) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	esac
	case $cur in
	--format=*) COMPREPLY=($(compgen -P --format= -W 'plain tsv json' -- "${cur#*=}")) ;;
	--lang=*) COMPREPLY=($(compgen -P --lang= -W 'ja en' -- "${cur#*=}")) ;;
	--color=*) COMPREPLY=($(compgen -P --color= -W 'auto always never' -- "${cur#*=}")) ;;
	--data=*) COMPREPLY=($(compgen -P --data= -f -- "${cur#*=}")) ;;
	-*) COMPREPLY=($(compgen -W "$opts" -- "$cur"))
	    [[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null ;;
	esac
}
complete -F _madoguchi madoguchi
