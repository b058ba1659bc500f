using OciRaw.Infrastructure;
using G = OciRaw.Generated;

namespace OciRaw.Client.Tests.Json;

/// <summary>Every DTO shape under differential test, with its generated serializer.</summary>
internal static class ShapeCatalog
{
    public static readonly IReadOnlyDictionary<string, ShapeCase> All = new ShapeCase[]
    {
        Case<Scalars>(G.OciRaw_Client_Tests_Json_Scalars_Json.Write, G.OciRaw_Client_Tests_Json_Scalars_Json.Read),
        Case<NullableScalars>(G.OciRaw_Client_Tests_Json_NullableScalars_Json.Write, G.OciRaw_Client_Tests_Json_NullableScalars_Json.Read),
        Case<PositionalRecord>(G.OciRaw_Client_Tests_Json_PositionalRecord_Json.Write, G.OciRaw_Client_Tests_Json_PositionalRecord_Json.Read),
        Case<RecordWithInit>(G.OciRaw_Client_Tests_Json_RecordWithInit_Json.Write, G.OciRaw_Client_Tests_Json_RecordWithInit_Json.Read),
        Case<InitOnlyClass>(G.OciRaw_Client_Tests_Json_InitOnlyClass_Json.Write, G.OciRaw_Client_Tests_Json_InitOnlyClass_Json.Read),
        Case<RequiredMembers>(G.OciRaw_Client_Tests_Json_RequiredMembers_Json.Write, G.OciRaw_Client_Tests_Json_RequiredMembers_Json.Read),
        Case<MutablePoint>(G.OciRaw_Client_Tests_Json_MutablePoint_Json.Write, G.OciRaw_Client_Tests_Json_MutablePoint_Json.Read),
        Case<ReadonlyVector>(G.OciRaw_Client_Tests_Json_ReadonlyVector_Json.Write, G.OciRaw_Client_Tests_Json_ReadonlyVector_Json.Read),
        Case<CtorClass>(G.OciRaw_Client_Tests_Json_CtorClass_Json.Write, G.OciRaw_Client_Tests_Json_CtorClass_Json.Read),
        Case<NestedDto>(G.OciRaw_Client_Tests_Json_NestedDto_Json.Write, G.OciRaw_Client_Tests_Json_NestedDto_Json.Read),
        Case<TreeNode>(G.OciRaw_Client_Tests_Json_TreeNode_Json.Write, G.OciRaw_Client_Tests_Json_TreeNode_Json.Read),
        Case<Arrays>(G.OciRaw_Client_Tests_Json_Arrays_Json.Write, G.OciRaw_Client_Tests_Json_Arrays_Json.Read),
        Case<Lists>(G.OciRaw_Client_Tests_Json_Lists_Json.Write, G.OciRaw_Client_Tests_Json_Lists_Json.Read),
        Case<CollectionInterfaces>(G.OciRaw_Client_Tests_Json_CollectionInterfaces_Json.Write, G.OciRaw_Client_Tests_Json_CollectionInterfaces_Json.Read),
        Case<Dictionaries>(G.OciRaw_Client_Tests_Json_Dictionaries_Json.Write, G.OciRaw_Client_Tests_Json_Dictionaries_Json.Read),
        Case<FreeForm>(G.OciRaw_Client_Tests_Json_FreeForm_Json.Write, G.OciRaw_Client_Tests_Json_FreeForm_Json.Read),
        Case<Enums>(G.OciRaw_Client_Tests_Json_Enums_Json.Write, G.OciRaw_Client_Tests_Json_Enums_Json.Read),
        Case<CustomNames>(G.OciRaw_Client_Tests_Json_CustomNames_Json.Write, G.OciRaw_Client_Tests_Json_CustomNames_Json.Read),
        Case<WithIgnored>(G.OciRaw_Client_Tests_Json_WithIgnored_Json.Write, G.OciRaw_Client_Tests_Json_WithIgnored_Json.Read),
        Case<DerivedEntity>(G.OciRaw_Client_Tests_Json_DerivedEntity_Json.Write, G.OciRaw_Client_Tests_Json_DerivedEntity_Json.Read, sameMemberOrder: false),
        Case<RecordDerived>(G.OciRaw_Client_Tests_Json_RecordDerived_Json.Write, G.OciRaw_Client_Tests_Json_RecordDerived_Json.Read, sameMemberOrder: false),
        Case<OciInstance>(G.OciRaw_Client_Tests_Json_OciInstance_Json.Write, G.OciRaw_Client_Tests_Json_OciInstance_Json.Read),
        Case<Page<PositionalRecord>>(
            G.OciRaw_Client_Tests_Json_Page_2OciRaw_Client_Tests_Json_PositionalRecord_4_Json.Write,
            G.OciRaw_Client_Tests_Json_Page_2OciRaw_Client_Tests_Json_PositionalRecord_4_Json.Read),
        Case<EmptyDto>(G.OciRaw_Client_Tests_Json_EmptyDto_Json.Write, G.OciRaw_Client_Tests_Json_EmptyDto_Json.Read),
        Case<MoneyAmount>(G.OciRaw_Client_Tests_Json_MoneyAmount_Json.Write, G.OciRaw_Client_Tests_Json_MoneyAmount_Json.Read),
        Case<DeepCollections>(G.OciRaw_Client_Tests_Json_DeepCollections_Json.Write, G.OciRaw_Client_Tests_Json_DeepCollections_Json.Read),
        Case<NamedRecord>(G.OciRaw_Client_Tests_Json_NamedRecord_Json.Write, G.OciRaw_Client_Tests_Json_NamedRecord_Json.Read),
        Case<HidingEntity>(G.OciRaw_Client_Tests_Json_HidingEntity_Json.Write, G.OciRaw_Client_Tests_Json_HidingEntity_Json.Read, sameMemberOrder: false),
        Case<OrderedMembers>(G.OciRaw_Client_Tests_Json_OrderedMembers_Json.Write, G.OciRaw_Client_Tests_Json_OrderedMembers_Json.Read),
        Case<OrderedRecord>(G.OciRaw_Client_Tests_Json_OrderedRecord_Json.Write, G.OciRaw_Client_Tests_Json_OrderedRecord_Json.Read),
        Case<RequiredHolder>(G.OciRaw_Client_Tests_Json_RequiredHolder_Json.Write, G.OciRaw_Client_Tests_Json_RequiredHolder_Json.Read),
        Case<IncludedMembers>(G.OciRaw_Client_Tests_Json_IncludedMembers_Json.Write, G.OciRaw_Client_Tests_Json_IncludedMembers_Json.Read),
        Case<CtorWithInitDefaults>(G.OciRaw_Client_Tests_Json_CtorWithInitDefaults_Json.Write, G.OciRaw_Client_Tests_Json_CtorWithInitDefaults_Json.Read),
        Case<CtorBodyInit>(G.OciRaw_Client_Tests_Json_CtorBodyInit_Json.Write, G.OciRaw_Client_Tests_Json_CtorBodyInit_Json.Read),
        Case<SetsRequired>(G.OciRaw_Client_Tests_Json_SetsRequired_Json.Write, G.OciRaw_Client_Tests_Json_SetsRequired_Json.Read),
        Case<ConvertedEnums>(G.OciRaw_Client_Tests_Json_ConvertedEnums_Json.Write, G.OciRaw_Client_Tests_Json_ConvertedEnums_Json.Read),
        Case<DateOnlyValues>(G.OciRaw_Client_Tests_Json_DateOnlyValues_Json.Write, G.OciRaw_Client_Tests_Json_DateOnlyValues_Json.Read),
    }.ToDictionary(c => c.Name);

    /// <summary>A shape named after its type (<c>Page&lt;PositionalRecord&gt;</c>).</summary>
    internal static ShapeCase<T> Case<T>(OciJsonWriteAction<T> write, OciJsonReadFunc<T> read, bool sameMemberOrder = true, IReadOnlyList<string>? discriminators = null) =>
        new(typeof(T).IsGenericType ? typeof(T).Name.Split('`')[0] + "<" + string.Join(",", typeof(T).GetGenericArguments().Select(a => a.Name)) + ">" : typeof(T).Name,
            write, read, sameMemberOrder, discriminators);
}
