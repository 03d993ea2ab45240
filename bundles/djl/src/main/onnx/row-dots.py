"""Writes row-dots.onnx: one MatMulInteger node, rows (uint8, n x d) times queries (int8, d x 2), giving n x 2 dot
products as int32. The hub's nearest-example search runs it on ONNX Runtime's integer kernels, with a query's
high and low parts as the two columns and its signed rows shifted by 128 (unsigned x signed is the kernels' fast
case: about six times faster than signed x signed).

Regenerate (needs the onnx package): python3 row-dots.py ../resources/io/glint/djl/internal/row-dots.onnx
"""
import sys

from onnx import TensorProto, checker, helper, save

graph = helper.make_graph(
    [helper.make_node("MatMulInteger", ["rows", "query"], ["dots"])],
    "row-dots",
    [helper.make_tensor_value_info("rows", TensorProto.UINT8, ["n", "d"]),
     helper.make_tensor_value_info("query", TensorProto.INT8, ["d", 2])],
    [helper.make_tensor_value_info("dots", TensorProto.INT32, ["n", 2])])
model = helper.make_model(graph, producer_name="glint", opset_imports=[helper.make_opsetid("", 11)])
model.ir_version = 6
checker.check_model(model)
save(model, sys.argv[1])
