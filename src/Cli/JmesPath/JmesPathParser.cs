using OciRaw.Cli.Json;
using Kind = OciRaw.Cli.JmesPath.JmesPathTokenKind;
using Node = OciRaw.Cli.JmesPath.JmesPathNode;

namespace OciRaw.Cli.JmesPath;

/// <summary>
/// A top-down operator precedence (Pratt) parser with the binding powers of the reference implementation
/// (jmespath.py's parser), so that precedence and projection stops agree with what the OCI CLI evaluates.
/// </summary>
internal sealed class JmesPathParser
{
    private const int ProjectionStop = 10;

    private readonly string _expression;
    private readonly List<JmesPathToken> _tokens;
    private int _index;

    private JmesPathParser(string expression)
    {
        _expression = expression;
        _tokens = JmesPathLexer.Tokenize(expression);
    }

    public static Node Parse(string expression)
    {
        var parser = new JmesPathParser(expression);
        Node result = parser.Expression(0);
        if (parser.Current.Kind != Kind.Eof)
        {
            throw parser.Error($"Unexpected token {parser.Current.Kind}");
        }

        return result;
    }

    private JmesPathToken Current => _tokens[_index];

    private JmesPathToken Lookahead(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    private static int BindingPower(Kind kind) => kind switch
    {
        Kind.Pipe => 1,
        Kind.Or => 2,
        Kind.And => 3,
        Kind.Eq or Kind.Ne or Kind.Lt or Kind.Lte or Kind.Gt or Kind.Gte => 5,
        Kind.Flatten => 9,
        Kind.Star => 20,
        Kind.Filter => 21,
        Kind.Dot => 40,
        Kind.Not => 45,
        Kind.LBrace => 50,
        Kind.LBracket => 55,
        Kind.LParen => 60,
        _ => 0,
    };

    private Node Expression(int bindingPower)
    {
        JmesPathToken token = Current;
        Advance();
        Node left = Nud(token);
        while (bindingPower < BindingPower(Current.Kind))
        {
            JmesPathToken next = Current;
            Advance();
            left = Led(next, left);
        }

        return left;
    }

    private Node Nud(JmesPathToken token)
    {
        switch (token.Kind)
        {
            case Kind.Literal:
                return new Node.Literal(token.Literal!);
            case Kind.UnquotedIdentifier:
                return new Node.Field(token.Text);
            case Kind.QuotedIdentifier:
                if (Current.Kind == Kind.LParen)
                {
                    throw Error("Quoted identifier not allowed for function names");
                }

                return new Node.Field(token.Text);
            case Kind.Star:
                return new Node.ValueProjection(new Node.Identity(), Current.Kind == Kind.RBracket ? new Node.Identity() : ProjectionRight(BindingPower(Kind.Star)));
            case Kind.Filter:
                return FilterLed(new Node.Identity());
            case Kind.LBrace:
                return MultiSelectHash();
            case Kind.LParen:
                Node inner = Expression(0);
                Match(Kind.RParen);
                return inner;
            case Kind.Flatten:
                return new Node.Projection(new Node.Flatten(new Node.Identity()), ProjectionRight(BindingPower(Kind.Flatten)));
            case Kind.Not:
                return new Node.Not(Expression(BindingPower(Kind.Not)));
            case Kind.LBracket:
                if (Current.Kind is Kind.Number or Kind.Colon)
                {
                    return ProjectIfSlice(new Node.Identity(), IndexExpression());
                }

                if (Current.Kind == Kind.Star && Lookahead(1).Kind == Kind.RBracket)
                {
                    Advance();
                    Advance();
                    return new Node.Projection(new Node.Identity(), ProjectionRight(BindingPower(Kind.Star)));
                }

                return MultiSelectList();
            case Kind.Current:
                return new Node.Current();
            case Kind.Expref:
                return new Node.ExpressionReference(Expression(BindingPower(Kind.Expref)));
            case Kind.Eof:
                throw Error("Incomplete expression", token);
            default:
                throw Error($"Unexpected token {token.Kind}", token);
        }
    }

    private Node Led(JmesPathToken token, Node left)
    {
        switch (token.Kind)
        {
            case Kind.Dot:
                if (Current.Kind != Kind.Star)
                {
                    return new Node.Subexpression(left, DotRight(BindingPower(Kind.Dot)));
                }

                Advance();
                return new Node.ValueProjection(left, ProjectionRight(BindingPower(Kind.Dot)));
            case Kind.Pipe:
                return new Node.Pipe(left, Expression(BindingPower(Kind.Pipe)));
            case Kind.Or:
                return new Node.Or(left, Expression(BindingPower(Kind.Or)));
            case Kind.And:
                return new Node.And(left, Expression(BindingPower(Kind.And)));
            case Kind.LParen:
                if (left is not Node.Field function)
                {
                    throw Error("Invalid function name", token);
                }

                var arguments = new List<Node>();
                while (Current.Kind != Kind.RParen)
                {
                    arguments.Add(Expression(0));
                    if (Current.Kind == Kind.Comma)
                    {
                        Match(Kind.Comma);
                    }
                    else if (Current.Kind != Kind.RParen)
                    {
                        throw Error($"Expected ',' or ')' but found {Current.Kind}");
                    }
                }

                Match(Kind.RParen);
                JmesPathFunctions.CheckArity(function.Name, arguments.Count);
                return new Node.FunctionCall(function.Name, arguments);
            case Kind.Filter:
                return FilterLed(left);
            case Kind.Eq or Kind.Ne or Kind.Lt or Kind.Lte or Kind.Gt or Kind.Gte:
                return new Node.Comparator(token.Kind, left, Expression(BindingPower(token.Kind)));
            case Kind.Flatten:
                return new Node.Projection(new Node.Flatten(left), ProjectionRight(BindingPower(Kind.Flatten)));
            case Kind.LBracket:
                if (Current.Kind is Kind.Number or Kind.Colon)
                {
                    return ProjectIfSlice(left, IndexExpression());
                }

                Match(Kind.Star);
                Match(Kind.RBracket);
                return new Node.Projection(left, ProjectionRight(BindingPower(Kind.Star)));
            default:
                throw Error($"Unexpected token {token.Kind}", token);
        }
    }

    private Node.FilterProjection FilterLed(Node left)
    {
        Node condition = Expression(0);
        Match(Kind.RBracket);
        Node right = Current.Kind == Kind.Flatten ? new Node.Identity() : ProjectionRight(BindingPower(Kind.Filter));
        return new Node.FilterProjection(left, right, condition);
    }

    private Node IndexExpression()
    {
        if (Current.Kind == Kind.Colon || Lookahead(1).Kind == Kind.Colon)
        {
            return SliceExpression();
        }

        var index = new Node.Index(Current.Number);
        Match(Kind.Number);
        Match(Kind.RBracket);
        return index;
    }

    private Node.Slice SliceExpression()
    {
        int?[] parts = new int?[3];
        int part = 0;
        while (Current.Kind != Kind.RBracket && part < 3)
        {
            if (Current.Kind == Kind.Colon)
            {
                part++;
                if (part == 3)
                {
                    throw Error("Too many colons in slice expression");
                }

                Advance();
            }
            else if (Current.Kind == Kind.Number)
            {
                parts[part] = Current.Number;
                Advance();
            }
            else
            {
                throw Error($"Unexpected token {Current.Kind} in slice expression");
            }
        }

        Match(Kind.RBracket);
        return new Node.Slice(parts[0], parts[1], parts[2]);
    }

    private Node ProjectIfSlice(Node left, Node right)
    {
        var index = new Node.IndexExpression(left, right);
        return right is Node.Slice ? new Node.Projection(index, ProjectionRight(BindingPower(Kind.Star))) : index;
    }

    private Node ProjectionRight(int bindingPower)
    {
        if (BindingPower(Current.Kind) < ProjectionStop)
        {
            return new Node.Identity();
        }

        switch (Current.Kind)
        {
            case Kind.LBracket or Kind.Filter:
                return Expression(bindingPower);
            case Kind.Dot:
                Match(Kind.Dot);
                return DotRight(bindingPower);
            default:
                throw Error($"Unexpected token {Current.Kind} after a projection");
        }
    }

    private Node DotRight(int bindingPower)
    {
        switch (Current.Kind)
        {
            case Kind.QuotedIdentifier or Kind.UnquotedIdentifier or Kind.Star:
                return Expression(bindingPower);
            case Kind.LBracket:
                Match(Kind.LBracket);
                return MultiSelectList();
            case Kind.LBrace:
                Match(Kind.LBrace);
                return MultiSelectHash();
            default:
                throw Error($"Expected an identifier, '*', '[' or '{{' after '.', found {Current.Kind}");
        }
    }

    private Node.MultiSelectList MultiSelectList()
    {
        var items = new List<Node>();
        while (true)
        {
            items.Add(Expression(0));
            if (Current.Kind == Kind.RBracket)
            {
                break;
            }

            Match(Kind.Comma);
        }

        Match(Kind.RBracket);
        return new Node.MultiSelectList(items);
    }

    private Node.MultiSelectHash MultiSelectHash()
    {
        var pairs = new List<KeyValuePair<string, Node>>();
        while (true)
        {
            JmesPathToken key = Current;
            if (key.Kind is not (Kind.QuotedIdentifier or Kind.UnquotedIdentifier))
            {
                throw Error($"Expected a key name, found {key.Kind}");
            }

            Advance();
            Match(Kind.Colon);
            pairs.Add(new(key.Text, Expression(0)));
            if (Current.Kind == Kind.Comma)
            {
                Match(Kind.Comma);
            }
            else
            {
                Match(Kind.RBrace);
                break;
            }
        }

        return new Node.MultiSelectHash(pairs);
    }

    private void Advance()
    {
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }
    }

    private void Match(Kind kind)
    {
        if (Current.Kind != kind)
        {
            throw Error($"Expected {kind} but found {Current.Kind}");
        }

        Advance();
    }

    private JmesPathException Error(string what, JmesPathToken? at = null) =>
        JmesPathException.Syntax(_expression, (at ?? Current).Position, what);
}
