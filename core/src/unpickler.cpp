#include "unpickler.h"

#include <snaption/error.h>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>

namespace snaption {
namespace {

using Ptr = PickleValue::Ptr;
using Kind = PickleValue::Kind;

// The storage classes torch.save names in persistent ids, with their element types.
const std::map<std::string, std::string> &storageTypes()
{
    static const std::map<std::string, std::string> types{
        {"DoubleStorage", "F64"}, {"FloatStorage", "F32"}, {"HalfStorage", "F16"}, {"BFloat16Storage", "BF16"},
        {"LongStorage", "I64"},   {"IntStorage", "I32"},   {"ShortStorage", "I16"}, {"CharStorage", "I8"},
        {"ByteStorage", "U8"},    {"BoolStorage", "BOOL"},
    };
    return types;
}

const std::set<std::string> &allowedCallables()
{
    static const std::set<std::string> names{
        "collections.OrderedDict",        "torch._utils._rebuild_tensor",   "torch._utils._rebuild_tensor_v2",
        "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state",
        "torch.Size",                     "_codecs.encode",                  "re._compile",
        "snaption.utils.VocabMapper",     "snaption.utils.WordTokenizer",
    };
    return names;
}

class Machine {
public:
    Machine(const std::uint8_t *data, std::size_t size, const std::string &source, const Unpickler::Limits &limits)
        : m_data(data), m_size(size), m_source(source), m_limits(limits)
    {
    }

    Ptr run();

private:
    [[noreturn]] void fail(const std::string &what) const
    {
        throw Error(ErrorKind::BadModel,
                    m_source + ": refused pickle data at byte " + std::to_string(m_opcodeStart) + ": " + what);
    }

    // --- input ---
    const std::uint8_t *take(std::uint64_t count)
    {
        if (count > m_size - m_pos) fail("a length of " + std::to_string(count) + " bytes runs past the end of the data");
        const std::uint8_t *p = m_data + m_pos;
        m_pos += std::size_t(count);
        return p;
    }
    std::uint64_t readLittle(int bytes)
    {
        const std::uint8_t *p = take(std::uint64_t(bytes));
        std::uint64_t value = 0;
        for (int i = bytes - 1; i >= 0; --i) value = (value << 8) | p[i];
        return value;
    }
    std::string readLine()
    {
        const std::uint8_t *start = m_data + m_pos;
        const void *newline = std::memchr(start, '\n', m_size - m_pos);
        if (!newline) fail("unterminated text argument");
        const std::size_t length = std::size_t(static_cast<const std::uint8_t *>(newline) - start);
        if (length > 1000) fail("text argument too long");
        m_pos += length + 1;
        return std::string(reinterpret_cast<const char *>(start), length);
    }

    // --- values ---
    Ptr make(Kind kind)
    {
        if (++m_values > m_limits.maxValues) fail("more than " + std::to_string(m_limits.maxValues) + " values");
        return std::make_shared<PickleValue>(kind);
    }
    Ptr makeString(Kind kind, std::uint64_t length)
    {
        const std::uint8_t *p = take(length);
        Ptr value = make(kind);
        value->text.assign(reinterpret_cast<const char *>(p), std::size_t(length));
        return value;
    }
    Ptr makeInt(std::int64_t v)
    {
        Ptr value = make(Kind::Int);
        value->integer = v;
        return value;
    }

    // --- stack ---
    void push(Ptr value)
    {
        if (m_stack.size() >= m_limits.maxStack) fail("stack deeper than " + std::to_string(m_limits.maxStack));
        m_stack.push_back(std::move(value));
    }
    Ptr pop()
    {
        if (m_stack.size() <= m_markBase()) fail("stack underflow");
        Ptr value = std::move(m_stack.back());
        m_stack.pop_back();
        return value;
    }
    Ptr &top()
    {
        if (m_stack.size() <= m_markBase()) fail("stack underflow");
        return m_stack.back();
    }
    std::size_t m_markBase() const { return m_marks.empty() ? 0 : m_marks.back(); }
    std::vector<Ptr> popToMark()
    {
        if (m_marks.empty()) fail("no MARK on the stack");
        const std::size_t base = m_marks.back();
        m_marks.pop_back();
        std::vector<Ptr> items(std::make_move_iterator(m_stack.begin() + std::ptrdiff_t(base)), std::make_move_iterator(m_stack.end()));
        m_stack.resize(base);
        return items;
    }

    // --- memo ---
    void memoize(std::uint64_t index)
    {
        if (m_memo.size() >= m_limits.maxMemo && !m_memo.count(index)) fail("memo larger than " + std::to_string(m_limits.maxMemo));
        m_memo[index] = top();
    }
    Ptr recall(std::uint64_t index)
    {
        const auto it = m_memo.find(index);
        if (it == m_memo.end()) fail("memo entry " + std::to_string(index) + " does not exist");
        return it->second;
    }

    static std::int64_t decodeLong(const std::uint8_t *p, std::size_t n, const Machine &machine)
    {
        if (n == 0) return 0;
        if (n > 8) machine.fail("integer wider than 64 bits");
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < n; ++i) value |= std::uint64_t(p[i]) << (8 * i);
        if (n < 8 && (p[n - 1] & 0x80)) value |= ~std::uint64_t(0) << (8 * n); // sign-extend
        return std::int64_t(value);
    }

    // Containers may nest at most kMaxDepth levels; deeper data is no state dict or vocabulary.
    static constexpr int kMaxDepth = 1000;
    void adopt(PickleValue &parent, const Ptr &child)
    {
        if (child->depth + 1 > parent.depth) parent.depth = child->depth + 1;
        if (parent.depth > kMaxDepth) fail("values nested deeper than " + std::to_string(kMaxDepth) + " levels");
    }

    void appendTo(const Ptr &container, std::vector<Ptr> items)
    {
        for (const Ptr &item : items) adopt(*container, item);
        if (container->kind == Kind::List || container->kind == Kind::Set) {
            for (Ptr &item : items) container->items.push_back(std::move(item));
        } else {
            fail(std::string("cannot append to a ") + PickleValue::kindName(container->kind));
        }
    }
    void setItems(const Ptr &dict, std::vector<Ptr> &items)
    {
        if (dict->kind != Kind::Dict) fail(std::string("cannot set items on a ") + PickleValue::kindName(dict->kind));
        if (items.size() % 2) fail("odd number of dictionary items");
        for (const Ptr &item : items) adopt(*dict, item);
        for (std::size_t i = 0; i < items.size(); i += 2) {
            Ptr &key = items[i];
            bool replaced = false;
            if (key->kind == Kind::String || key->kind == Kind::Int) {
                for (auto &[k, v] : dict->entries) {
                    if (k->kind == key->kind && k->text == key->text && k->integer == key->integer) {
                        v = std::move(items[i + 1]);
                        replaced = true;
                        break;
                    }
                }
            }
            if (!replaced) dict->entries.emplace_back(std::move(key), std::move(items[i + 1]));
        }
    }

    Ptr global(const std::string &module, const std::string &name)
    {
        if (!Unpickler::isAllowedGlobal(module, name)) fail("the global " + module + "." + name + " is not allowed");
        Ptr value = make(Kind::Global);
        value->text = module + "." + name;
        return value;
    }

    Ptr apply(const Ptr &callable, const Ptr &arguments);
    Ptr persistentLoad(const Ptr &id);

    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
    std::size_t m_opcodeStart = 0;
    std::string m_source;
    Unpickler::Limits m_limits;
    std::size_t m_values = 0;
    std::vector<Ptr> m_stack;
    std::vector<std::size_t> m_marks;
    std::unordered_map<std::uint64_t, Ptr> m_memo;
};


Ptr Machine::persistentLoad(const Ptr &id)
{
    // ('storage', torch.FloatStorage, key, location, numel)
    if (id->kind != Kind::Tuple || id->items.size() < 5 || id->items[0]->kind != Kind::String || id->items[0]->text != "storage")
        fail("unsupported persistent id (expected a torch storage)");
    const Ptr &type = id->items[1];
    const Ptr &key = id->items[2];
    const Ptr &count = id->items[4];
    if (type->kind != Kind::Global || key->kind != Kind::String || count->kind != Kind::Int || count->integer < 0)
        fail("malformed storage reference");
    const std::string typeName = type->text.substr(type->text.rfind('.') + 1);
    const auto dtype = storageTypes().find(typeName);
    if (dtype == storageTypes().end()) fail("unsupported storage type " + type->text);
    for (const char c : key->text) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') fail("storage key \"" + key->text + "\" is not a plain name");
    }
    Ptr storage = make(Kind::Storage);
    storage->text = key->text;
    storage->dtype = dtype->second;
    storage->integer = count->integer;
    return storage;
}

Ptr Machine::apply(const Ptr &callable, const Ptr &arguments)
{
    if (callable->kind != Kind::Global) fail(std::string("cannot call a ") + PickleValue::kindName(callable->kind));
    if (arguments->kind != Kind::Tuple) fail("call arguments are not a tuple");
    const std::string &name = callable->text;
    const std::vector<Ptr> &args = arguments->items;
    const auto intList = [&](const Ptr &value, const char *what) {
        if (value->kind != Kind::Tuple && value->kind != Kind::List) fail(std::string(what) + " is not a tuple");
        std::vector<std::int64_t> out;
        for (const Ptr &item : value->items) {
            if (item->kind != Kind::Int) fail(std::string(what) + " holds a non-integer");
            out.push_back(item->integer);
        }
        return out;
    };

    if (name == "collections.OrderedDict") {
        Ptr dict = make(Kind::Dict);
        if (!args.empty()) fail("OrderedDict with constructor arguments");
        return dict;
    }
    if (name == "torch._utils._rebuild_tensor_v2" || name == "torch._utils._rebuild_tensor") {
        if (args.size() < 4 || args[0]->kind != Kind::Storage || args[1]->kind != Kind::Int) fail("malformed tensor");
        Ptr tensor = make(Kind::Tensor);
        tensor->items.push_back(args[0]);
        tensor->dtype = args[0]->dtype;
        tensor->integer = args[1]->integer;
        tensor->sizes = intList(args[2], "tensor size");
        tensor->strides = intList(args[3], "tensor stride");
        if (tensor->sizes.size() != tensor->strides.size() || tensor->sizes.size() > 16) fail("tensor size and stride differ in length");
        return tensor;
    }
    if (name == "torch._utils._rebuild_parameter" || name == "torch._utils._rebuild_parameter_with_state") {
        if (args.empty() || args[0]->kind != Kind::Tensor) fail("malformed parameter");
        return args[0];
    }
    if (name == "torch.Size") {
        if (args.size() != 1) fail("malformed torch.Size");
        Ptr tuple = make(Kind::Tuple);
        tuple->items = args[0]->items;
        return tuple;
    }
    if (name == "_codecs.encode") {
        if (args.size() != 2 || args[0]->kind != Kind::String || args[1]->kind != Kind::String || args[1]->text != "latin1")
            fail("unsupported _codecs.encode call");
        // Protocol 2 stores bytes as their latin-1 text: map code points back to bytes.
        Ptr bytes = make(Kind::Bytes);
        const std::string &text = args[0]->text;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c < 0x80) {
                bytes->text += char(c);
            } else if ((c & 0xE0) == 0xC0 && i + 1 < text.size()) {
                bytes->text += char(((c & 0x1F) << 6) | (static_cast<unsigned char>(text[++i]) & 0x3F));
            } else {
                fail("_codecs.encode text outside latin-1");
            }
        }
        return bytes;
    }
    // Classes and functions kept as records: never called.
    Ptr object = make(Kind::Object);
    object->text = name;
    object->items = args;
    return object;
}

Ptr Machine::run()
{
    while (true) {
        m_opcodeStart = m_pos;
        const std::uint8_t opcode = *take(1);
        switch (opcode) {
        case 0x80: { // PROTO
            const std::uint8_t version = *take(1);
            if (version < 2 || version > 5) fail("pickle protocol " + std::to_string(version) + " is not supported (2-5 are)");
            break;
        }
        case 0x95: readLittle(8); break; // FRAME: a length hint only
        case '.': {                      // STOP
            if (!m_marks.empty()) fail("STOP inside a MARK");
            if (m_stack.size() != 1) fail("STOP with " + std::to_string(m_stack.size()) + " values on the stack");
            return m_stack.back();
        }
        case '(': // MARK
            if (m_marks.size() >= m_limits.maxMarks) fail("more than " + std::to_string(m_limits.maxMarks) + " nested MARKs");
            m_marks.push_back(m_stack.size());
            break;
        case '0': pop(); break; // POP
        case '1': popToMark(); break; // POP_MARK
        case '2': push(top()); break; // DUP
        case 'N': push(make(Kind::None)); break;
        case 0x88: case 0x89: { // NEWTRUE, NEWFALSE
            Ptr value = make(Kind::Bool);
            value->boolean = opcode == 0x88;
            push(value);
            break;
        }
        case 'J': push(makeInt(std::int32_t(std::uint32_t(readLittle(4))))); break; // BININT
        case 'K': push(makeInt(std::int64_t(readLittle(1)))); break;                // BININT1
        case 'M': push(makeInt(std::int64_t(readLittle(2)))); break;                // BININT2
        case 0x8a: { // LONG1
            const std::size_t n = std::size_t(readLittle(1));
            push(makeInt(decodeLong(take(n), n, *this)));
            break;
        }
        case 0x8b: { // LONG4
            const std::uint64_t n = readLittle(4);
            if (n > 8) fail("integer wider than 64 bits");
            push(makeInt(decodeLong(take(n), std::size_t(n), *this)));
            break;
        }
        case 'G': { // BINFLOAT, big-endian
            const std::uint8_t *p = take(8);
            std::uint64_t bits = 0;
            for (int i = 0; i < 8; ++i) bits = (bits << 8) | p[i];
            Ptr value = make(Kind::Float);
            std::memcpy(&value->real, &bits, 8);
            push(value);
            break;
        }
        case 'X': push(makeString(Kind::String, readLittle(4))); break;    // BINUNICODE
        case 0x8c: push(makeString(Kind::String, readLittle(1))); break;   // SHORT_BINUNICODE
        case 0x8d: push(makeString(Kind::String, readLittle(8))); break;   // BINUNICODE8
        case 'B': push(makeString(Kind::Bytes, readLittle(4))); break;     // BINBYTES
        case 'C': push(makeString(Kind::Bytes, readLittle(1))); break;     // SHORT_BINBYTES
        case 0x8e: case 0x96: push(makeString(Kind::Bytes, readLittle(8))); break; // BINBYTES8, BYTEARRAY8
        case 'T': push(makeString(Kind::Bytes, readLittle(4))); break;     // BINSTRING (Python 2)
        case 'U': push(makeString(Kind::Bytes, readLittle(1))); break;     // SHORT_BINSTRING
        case ')': push(make(Kind::Tuple)); break;                          // EMPTY_TUPLE
        case 0x85: case 0x86: case 0x87: { // TUPLE1..3
            const std::size_t n = std::size_t(opcode - 0x84);
            Ptr tuple = make(Kind::Tuple);
            tuple->items.resize(n);
            for (std::size_t i = n; i-- > 0;) {
                tuple->items[i] = pop();
                adopt(*tuple, tuple->items[i]);
            }
            push(tuple);
            break;
        }
        case 't': { // TUPLE
            Ptr tuple = make(Kind::Tuple);
            tuple->items = popToMark();
            for (const Ptr &item : tuple->items) adopt(*tuple, item);
            push(tuple);
            break;
        }
        case ']': push(make(Kind::List)); break; // EMPTY_LIST
        case 'l': { // LIST
            Ptr list = make(Kind::List);
            list->items = popToMark();
            for (const Ptr &item : list->items) adopt(*list, item);
            push(list);
            break;
        }
        case 'a': { // APPEND
            Ptr item = pop();
            appendTo(top(), {std::move(item)});
            break;
        }
        case 'e': { // APPENDS
            std::vector<Ptr> items = popToMark();
            appendTo(top(), std::move(items));
            break;
        }
        case '}': push(make(Kind::Dict)); break; // EMPTY_DICT
        case 'd': { // DICT
            std::vector<Ptr> items = popToMark();
            Ptr dict = make(Kind::Dict);
            setItems(dict, items);
            push(dict);
            break;
        }
        case 's': { // SETITEM
            Ptr value = pop();
            Ptr key = pop();
            std::vector<Ptr> items{std::move(key), std::move(value)};
            setItems(top(), items);
            break;
        }
        case 'u': { // SETITEMS
            std::vector<Ptr> items = popToMark();
            setItems(top(), items);
            break;
        }
        case 0x8f: push(make(Kind::Set)); break; // EMPTY_SET
        case 0x90: { // ADDITEMS
            std::vector<Ptr> items = popToMark();
            appendTo(top(), std::move(items));
            break;
        }
        case 0x91: { // FROZENSET
            Ptr set = make(Kind::Set);
            set->items = popToMark();
            for (const Ptr &item : set->items) adopt(*set, item);
            push(set);
            break;
        }
        case 'c': { // GLOBAL
            const std::string module = readLine();
            push(global(module, readLine()));
            break;
        }
        case 0x93: { // STACK_GLOBAL
            Ptr name = pop();
            Ptr module = pop();
            if (module->kind != Kind::String || name->kind != Kind::String) fail("STACK_GLOBAL needs two strings");
            push(global(module->text, name->text));
            break;
        }
        case 'R': { // REDUCE
            Ptr arguments = pop();
            Ptr callable = pop();
            push(apply(callable, arguments));
            break;
        }
        case 0x81: { // NEWOBJ
            Ptr arguments = pop();
            Ptr cls = pop();
            push(apply(cls, arguments));
            break;
        }
        case 0x92: { // NEWOBJ_EX
            Ptr keywords = pop();
            Ptr arguments = pop();
            Ptr cls = pop();
            if (keywords->kind != Kind::Dict || !keywords->entries.empty()) fail("NEWOBJ_EX with keyword arguments");
            push(apply(cls, arguments));
            break;
        }
        case 'b': { // BUILD: record the state, never call __setstate__
            Ptr state = pop();
            Ptr &target = top();
            if (target->kind != Kind::Object && target->kind != Kind::Dict && target->kind != Kind::Tensor)
                fail(std::string("cannot set the state of a ") + PickleValue::kindName(target->kind));
            adopt(*target, state);
            target->state = std::move(state);
            break;
        }
        case 'Q': { // BINPERSID
            Ptr id = pop();
            push(persistentLoad(id));
            break;
        }
        case 'q': memoize(readLittle(1)); break;  // BINPUT
        case 'r': memoize(readLittle(4)); break;  // LONG_BINPUT
        case 0x94: memoize(m_memo.size()); break; // MEMOIZE
        case 'h': push(recall(readLittle(1))); break; // BINGET
        case 'j': push(recall(readLittle(4))); break; // LONG_BINGET
        default: {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02x", opcode);
            fail(std::string("unsupported pickle opcode ") + hex);
        }
        }
    }
}

} // namespace

bool Unpickler::isAllowedGlobal(const std::string &module, const std::string &name)
{
    if (module == "torch" && storageTypes().count(name)) return true;
    return allowedCallables().count(module + "." + name) != 0;
}

PickleValue::Ptr Unpickler::load(const std::uint8_t *data, std::size_t size, const std::string &source, const Limits &limits)
{
    if (size == 0) throw Error(ErrorKind::BadModel, source + ": the pickle data is empty");
    return Machine(data, size, source, limits).run();
}

} // namespace snaption
