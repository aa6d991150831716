/**
 * Figures and tables for every chapter, the role matplotlib plays in the book. Nothing here opens
 * a window: a notebook cell that evaluates to a chart or image shows it inline (the kernel calls
 * {@link dlfs.plot.Charts#toPngBytes(Object)}), and {@link dlfs.plot.Charts#toPng} saves a PNG.
 *
 * <p><b>Robust to the data.</b> Every helper draws any finite input: a constant or single value,
 * all zeros, values near ±{@link java.lang.Double#MAX_VALUE} or subnormal ones. An axis whose
 * values are all equal (or differ by rounding noise only, under 1e-12 of their size) spans ±10%
 * around them (±1 around zero), an interval with lo == hi is widened the same way, and histogram
 * bin edges never run backwards whatever the last bits of a computation on this CPU or BLAS
 * kernel. NaN and ±Infinity cannot be placed in a figure: helpers refuse them with an
 * {@link java.lang.IllegalArgumentException} that names the series, layer, image or map and counts
 * the bad values (e.g. {@code activationHistograms: layer "ReLU, Xavier" has 3 NaN values (first
 * at index 17)}); tables keep them, since a results table may rightly show a NaN.
 *
 * <p><b>Gray images show their own range</b> by default (smallest value black, largest white);
 * {@link dlfs.plot.Images#image(dlfs.nd.NDArray, int, double, double)} and the matching
 * {@code digitGrid} overload draw on a fixed scale such as 0..255 or 0..1.
 *
 * <p>Notebooks call {@link dlfs.plot.Plots}, one entry for every chart; each of its methods hands
 * over to the class of its job, listed here.
 *
 * <table>
 *   <caption>Which class draws which figure</caption>
 *   <tr><th>chapter</th><th>figure</th><th>helper</th></tr>
 *   <tr><td>1</td><td>sin and cos; any chapter's own lines, points and bars</td>
 *       <td>{@link dlfs.plot.BasicCharts#lines}, {@link dlfs.plot.BasicCharts#xy},
 *       {@link dlfs.plot.BasicCharts#addLine}</td></tr>
 *   <tr><td>2</td><td>AND / OR / XOR regions, truth tables</td>
 *       <td>{@link dlfs.plot.DecisionBoundaries#decisionBoundary}, {@link dlfs.plot.Tables#truthTable}</td></tr>
 *   <tr><td>3</td><td>step, sigmoid, ReLU; MNIST digits</td><td>{@link dlfs.plot.FunctionCharts#functions},
 *       {@link dlfs.plot.Images#digitGrid}</td></tr>
 *   <tr><td>4</td><td>tangent line; −∇f arrows, descent path; loss and accuracy curves</td>
 *       <td>{@link dlfs.plot.FunctionCharts#tangent}; {@link dlfs.plot.GradientCharts#gradientField},
 *       {@link dlfs.plot.GradientCharts#descentPath}; {@link dlfs.plot.TrainingCharts#lossCurve},
 *       {@link dlfs.plot.TrainingCharts#accuracyCurves}</td></tr>
 *   <tr><td>6</td><td>optimizer paths on x²/20 + y²; loss comparisons, hyperparameter search;
 *       activation histograms</td><td>{@link dlfs.plot.GradientCharts#optimizerPaths};
 *       {@link dlfs.plot.TrainingCharts#compare}, {@link dlfs.plot.TrainingCharts#hyperparameterScatter};
 *       {@link dlfs.plot.Histograms#activationHistograms}</td></tr>
 *   <tr><td>7</td><td>first-layer filters, feature maps</td><td>{@link dlfs.plot.Images#filterGrid},
 *       {@link dlfs.plot.Images#featureMaps}</td></tr>
 *   <tr><td>all</td><td>confusion matrix, result tables</td><td>{@link dlfs.plot.Tables}</td></tr>
 * </table>
 */
package dlfs.plot;
