/**
 * Watching a training run (chapters 4–6), below the nets so that any loop can use it: what a run
 * recorded ({@link dlfs.monitor.History}, a Tablesaw table), the divergence check
 * ({@link dlfs.monitor.Divergence}: NaN/Inf loss, exploded weights, a loss stuck at the
 * cross-entropy's ceiling) and the exception that stops the run
 * ({@link dlfs.monitor.TrainingDivergedException}). The library's training loop
 * ({@code dlfs.train.Trainer}) and the seeds' own loops ({@code dlfs.nets.SoftmaxRegression},
 * {@code dlfs.nets.Cs231nTwoLayerNet}) write and check through it.
 */
package dlfs.monitor;
